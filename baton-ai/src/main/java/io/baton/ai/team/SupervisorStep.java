package io.baton.ai.team;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentOutcome;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.step.ConfigSchemas;
import io.baton.api.definition.CustomStep;
import io.baton.api.spi.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 */
final class SupervisorStep extends TeamStep {
  static final String FINISH = "FINISH";

  SupervisorStep(AgentRegistry registry, AgentRunner runner) {
    super("supervisor", registry, runner);
  }

  @Override
  @SuppressWarnings("unchecked")
  Object run(Team team, CustomStep step, StepContext context) {
    String request = team.request(context);
    List<Map<String, Object>> turns = new ArrayList<>();
    List<String> spoken = new ArrayList<>();
    String last = "";
    int maxTurns = team.limit("maxTurns", 2 * team.members().size());
    List<Map<String, Object>> decisions = new ArrayList<>();
    while (turns.size() < maxTurns) {
      List<String> options = new ArrayList<>();
      team.names().stream().filter(n -> !spoken.contains(n)).forEach(options::add);
      options.add(FINISH);
      team.names().stream().filter(spoken::contains).forEach(options::add);
      AgentDefinition supervisor =
          team.coordinator("supervisor", instructions(team), schema(options));
      AgentOutcome decision = runner.run(supervisor, AgentTaskText.of(request, turns), context);
      Map<String, Object> choice = (Map<String, Object>) decision.json();
      decisions.add(choice);
      String next = choice.get("next").toString();
      if (next.equals(FINISH)) {
        break;
      }
      Object ask = choice.get("instruction");
      last =
          team.turn(
                  team.member(next),
                  (ask == null ? request : ask.toString()) + AgentTaskText.context(turns),
                  turns,
                  context)
              .text();
      spoken.add(next);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("result", last);
    out.put("turns", turns);
    out.put("decisions", decisions);
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
    return ConfigSchemas.teamStep(Map.of("maxTurns", ConfigSchemas.positive()));
  }
}
