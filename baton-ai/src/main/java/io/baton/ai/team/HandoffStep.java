package io.baton.ai.team;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentOutcome;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.agent.AgentTask;
import io.baton.ai.step.ConfigSchemas;
import io.baton.api.definition.CustomStep;
import io.baton.api.spi.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code handoff}: the first agent (or {@code start}) works on the request and either answers or
 * hands control to another agent with a message; the next agent gets the request, the work so far
 * and the message. Ends with an answer or after {@code maxHandoffs}.
 */
final class HandoffStep extends TeamStep {
  static final String NONE = "none";

  HandoffStep(AgentRegistry registry, AgentRunner runner) {
    super("handoff", registry, runner);
  }

  @Override
  @SuppressWarnings("unchecked")
  Object run(Team team, CustomStep step, StepContext context) {
    String request = team.request(context);
    AgentDefinition current =
        team.member(new io.baton.ai.step.StepConfig(step).text("start", team.names().getFirst()));
    int maxHandoffs = team.limit("maxHandoffs", team.members().size());
    List<Map<String, Object>> turns = new ArrayList<>();
    String message = null;
    Map<String, Object> answer = Map.of();
    for (int hop = 0; hop <= maxHandoffs; hop++) {
      List<String> targets = new ArrayList<>(List.of(NONE));
      String speaking = current.name();
      team.names().stream().filter(n -> !n.equals(speaking)).forEach(targets::add);
      AgentDefinition asked = withHandoffSchema(current, targets);
      String prompt =
          "Request: "
              + request
              + AgentTaskText.context(turns)
              + (message == null ? "" : "\nHanded to you with: " + message)
              + "\nAnswer it, or hand it to one of "
              + targets.subList(1, targets.size())
              + " with a message.";
      AgentOutcome outcome = runner.run(asked, AgentTask.of(prompt), context);
      answer = (Map<String, Object>) outcome.json();
      Map<String, Object> turn = new LinkedHashMap<>();
      turn.put("turn", turns.size() + 1);
      turn.put("agent", current.name());
      turn.put("text", answer.get("answer"));
      turn.put("handoffTo", answer.get("handoffTo"));
      turns.add(turn);
      context.emit("team.turn", turn);
      String to = String.valueOf(answer.get("handoffTo"));
      if (to.equals(NONE) || hop == maxHandoffs) {
        break;
      }
      message = String.valueOf(answer.getOrDefault("message", ""));
      current = team.member(to);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("result", answer.get("answer"));
    out.put("answeredBy", turns.getLast().get("agent"));
    out.put("turns", turns);
    return out;
  }

  private static AgentDefinition withHandoffSchema(AgentDefinition agent, List<String> targets) {
    return AgentDefinition.builder(agent.name())
        .version(agent.version())
        .type(agent.type())
        .role(agent.role())
        .description(agent.description())
        .model(agent.model())
        .systemPrompt(agent.systemPrompt())
        .tools(agent.tools().toArray(String[]::new))
        .memory(agent.memory())
        .maxIterations(agent.maxIterations())
        .options(agent.options())
        .outputSchema(
            Map.of(
                "type", "object",
                "required", List.of("answer", "handoffTo"),
                "properties",
                    Map.of(
                        "answer", Map.of("type", "string"),
                        "handoffTo", Map.of("type", "string", "enum", targets),
                        "message", Map.of("type", "string"))))
        .build();
  }

  @Override
  public Map<String, Object> configSchema() {
    return ConfigSchemas.teamStep(
        Map.of("start", ConfigSchemas.text(), "maxHandoffs", ConfigSchemas.positive()));
  }
}
