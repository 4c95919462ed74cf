package io.baton.ai.team;

import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.step.ConfigSchemas;
import io.baton.ai.step.StepConfig;
import io.baton.api.definition.CustomStep;
import io.baton.api.spi.StepContext;
import io.baton.engine.Baton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code swarm}: every agent works on the request at once (they can share findings through the
 * run's blackboard tools), then the {@code aggregator} agent (or a coordinator) merges their
 * answers. Results are in the order the step names the agents.
 *
 * <p>Each agent's answer, and the merge, is a {@code swarm-turn} step ({@link SwarmTurnStep}) of
 * the step's child run ({@link TurnSteps#runSideBySide}): the answers are the iterations of a
 * {@code map}, run side by side. The step's output names the child run ({@code childRun}).
 */
final class SwarmStep extends TeamStep {
  private final Supplier<Baton> baton;

  SwarmStep(AgentRegistry registry, AgentRunner runner, Supplier<Baton> baton) {
    super("swarm", registry, runner);
    this.baton = baton;
  }

  @Override
  Object run(Team team, CustomStep step, StepContext context) {
    Team.namedBy(step.id(), "aggregator", new StepConfig(step), registry); // before any model
    Map<String, Object> merged =
        TurnSteps.runSideBySide(baton, step, SwarmTurnStep.TYPE, team.request(context), context);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("result", merged.get("result"));
    out.put("answers", merged.get(SwarmTurnStep.ANSWERS));
    out.put("childRun", merged.get("childRun"));
    return out;
  }

  /** The fields of a swarm, which its turn steps have too. */
  static Map<String, Object> fields() {
    return Map.of("aggregator", ConfigSchemas.text());
  }

  @Override
  public Map<String, Object> configSchema() {
    return ConfigSchemas.teamStep(fields());
  }
}
