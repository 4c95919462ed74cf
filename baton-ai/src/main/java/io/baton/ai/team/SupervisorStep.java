package io.baton.ai.team;

import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.step.ConfigSchemas;
import io.baton.api.definition.CustomStep;
import io.baton.api.spi.StepContext;
import io.baton.engine.Baton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code supervisor}: a model reads the request and the work so far and picks the next agent (and
 * what to ask it) until it answers {@code FINISH} or {@code maxTurns} is reached. The options are
 * listed with agents that have not spoken yet first.
 *
 * <pre>{@code
 * - id: team
 *   type: supervisor
 *   agents: [researcher, writer, critic]
 *   maxTurns: 6
 *   input: {prompt: "Write a short report on ${inputs.topic}"}
 * }</pre>
 *
 * <p>Each decision and the turn it gives is a {@code supervisor-turn} step ({@link
 * SupervisorTurnStep}) of the step's child run ({@link TurnSteps}).
 */
final class SupervisorStep extends TeamStep {
  static final String FINISH = "FINISH";

  private final Supplier<Baton> baton;

  SupervisorStep(AgentRegistry registry, AgentRunner runner, Supplier<Baton> baton) {
    super("supervisor", registry, runner);
    this.baton = baton;
  }

  @Override
  Object run(Team team, CustomStep step, StepContext context) {
    int maxTurns = team.limit("maxTurns", 2 * team.members().size());
    Map<String, Object> last =
        TurnSteps.run(
            baton, step, SupervisorTurnStep.TYPE, maxTurns, team.request(context), context);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("result", last.get("result"));
    out.put("turns", last.get(TurnSteps.TRANSCRIPT));
    out.put("decisions", last.get(SupervisorTurnStep.DECISIONS));
    out.put("childRun", last.get("childRun"));
    return out;
  }

  @Override
  public Map<String, Object> configSchema() {
    return ConfigSchemas.teamStep(Map.of("maxTurns", ConfigSchemas.positive()));
  }
}
