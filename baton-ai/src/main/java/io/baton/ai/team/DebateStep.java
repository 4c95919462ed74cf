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
 * {@code debate}: for {@code rounds} rounds each agent states its position, seeing the others'
 * earlier ones; then the {@code judge} agent (or a coordinator) gives the verdict.
 *
 * <p>Each position, and the verdict, is a {@code debate-turn} step ({@link DebateTurnStep}) of the
 * step's child run ({@link TurnSteps}); the step's output names it ({@code childRun}).
 */
final class DebateStep extends TeamStep {
  private final Supplier<Baton> baton;

  DebateStep(AgentRegistry registry, AgentRunner runner, Supplier<Baton> baton) {
    super("debate", registry, runner);
    this.baton = baton;
  }

  @Override
  Object run(Team team, CustomStep step, StepContext context) {
    Team.namedBy(step.id(), "judge", new StepConfig(step), registry); // before any model is asked
    int positions = team.limit("rounds", 2) * team.members().size();
    Map<String, Object> last =
        TurnSteps.run(
            baton, step, DebateTurnStep.TYPE, positions + 1, team.request(context), context);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("verdict", last.get("verdict"));
    out.put("turns", last.get(TurnSteps.TRANSCRIPT));
    out.put("childRun", last.get("childRun"));
    return out;
  }

  /** The fields of a debate, which its turn steps have too. */
  static Map<String, Object> fields() {
    return Map.of("rounds", ConfigSchemas.positive(), "judge", ConfigSchemas.text());
  }

  @Override
  public Map<String, Object> configSchema() {
    return ConfigSchemas.teamStep(fields());
  }
}
