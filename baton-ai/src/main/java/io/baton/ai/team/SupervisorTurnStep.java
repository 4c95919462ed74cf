package io.baton.ai.team;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentOutcome;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.api.definition.CustomStep;
import io.baton.api.spi.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One turn of a {@code supervisor}, a step of its child run ({@link TurnSteps}): the supervisor
 * model's decision and, unless it is {@code FINISH}, the turn of the agent it picked. Its output is
 * the turn ({@code turn}, {@code agent}, {@code text}, {@code model}, {@code usage}) with the
 * {@code decision}, {@code done}, the {@code result} so far, and the {@code transcript} and {@code
 * decisions} so far, which the next turn reads.
 */
final class SupervisorTurnStep extends TurnStep {
  static final String TYPE = "supervisor-turn";
  static final String DECISIONS = "decisions";

  SupervisorTurnStep(AgentRegistry registry, AgentRunner runner) {
    super(TYPE, registry, runner);
  }

  @Override
  @SuppressWarnings("unchecked")
  Object run(Team team, CustomStep step, StepContext context) {
    TurnSteps.Turn in = TurnSteps.Turn.of(step, context);
    String request = in.request();
    List<Map<String, Object>> turns = in.transcript();
    List<Map<String, Object>> decisions = in.list(DECISIONS);
    List<String> spoken = turns.stream().map(t -> String.valueOf(t.get("agent"))).toList();

    List<String> options = new ArrayList<>();
    team.names().stream().filter(n -> !spoken.contains(n)).forEach(options::add);
    options.add(SupervisorStep.FINISH);
    team.names().stream().filter(spoken::contains).forEach(options::add);
    AgentDefinition supervisor =
        team.coordinator(in.teamStep(), "supervisor", instructions(team), schema(options));
    AgentOutcome decision = runner.run(supervisor, AgentTaskText.of(request, turns), context);
    Map<String, Object> choice = (Map<String, Object>) decision.json();
    decisions.add(choice);
    String next = choice.get("next").toString();

    Map<String, Object> out = new LinkedHashMap<>();
    String result = String.valueOf(in.previous().getOrDefault("result", ""));
    boolean done = next.equals(SupervisorStep.FINISH);
    if (!done) {
      Object ask = choice.get("instruction");
      result =
          team.turn(
                  team.member(next),
                  (ask == null ? request : ask.toString()) + AgentTaskText.context(turns),
                  turns,
                  context)
              .text();
      out.putAll(turns.getLast());
      done = turns.size() >= in.maxTurns();
    }
    out.put("decision", choice);
    out.put("done", done);
    out.put("result", result);
    out.put(TurnSteps.TRANSCRIPT, turns);
    out.put(DECISIONS, decisions);
    return out;
  }

  private static String instructions(Team team) {
    StringBuilder b =
        new StringBuilder(
            "You coordinate a team. Pick the agent who should act next and tell it what to do, or FINISH when the request is done. The agents:\n");
    team.members()
        .forEach(
            a ->
                b.append("- ")
                    .append(a.name())
                    .append(": ")
                    .append(
                        a.description() != null
                            ? a.description()
                            : a.role() != null ? a.role() : "")
                    .append('\n'));
    return b.toString();
  }

  private static Map<String, Object> schema(List<String> options) {
    return Map.of(
        "type", "object",
        "required", List.of("next"),
        "properties",
            Map.of(
                "next", Map.of("type", "string", "enum", options),
                "instruction", Map.of("type", "string")));
  }

  @Override
  public Map<String, Object> configSchema() {
    return TurnSteps.schema(Map.of());
  }
}
