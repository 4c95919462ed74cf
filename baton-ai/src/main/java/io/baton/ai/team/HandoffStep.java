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
 * {@code handoff}: the first agent (or {@code start}) works on the request and either answers or
 * hands control to another agent with a message; the next agent gets the request, the work so far
 * and the message. Ends with an answer or after {@code maxHandoffs}. Each agent's turn is a {@code
 * handoff-turn} step ({@link HandoffTurnStep}) of the step's child run ({@link TurnSteps}).
 */
final class HandoffStep extends TeamStep {
  static final String NONE = "none";

  private final Supplier<Baton> baton;

  HandoffStep(AgentRegistry registry, AgentRunner runner, Supplier<Baton> baton) {
    super("handoff", registry, runner);
    this.baton = baton;
  }

  @Override
  Object run(Team team, CustomStep step, StepContext context) {
    int maxHandoffs = team.limit("maxHandoffs", team.members().size());
    Map<String, Object> last =
        TurnSteps.run(
            baton, step, HandoffTurnStep.TYPE, maxHandoffs + 1, team.request(context), context);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("result", last.get("text"));
    out.put("answeredBy", last.get("agent"));
    out.put("turns", last.get(TurnSteps.TRANSCRIPT));
    out.put("childRun", last.get("childRun"));
    return out;
  }

  /** The fields of a handoff, which its turn steps have too. */
  static Map<String, Object> fields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("start", ConfigSchemas.text());
    fields.put("maxHandoffs", ConfigSchemas.positive());
    return fields;
  }

  @Override
  public Map<String, Object> configSchema() {
    return ConfigSchemas.teamStep(fields());
  }
}
