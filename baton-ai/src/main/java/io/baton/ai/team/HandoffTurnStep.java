package io.baton.ai.team;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentOutcome;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.agent.AgentTask;
import io.baton.api.definition.CustomStep;
import io.baton.api.spi.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One turn of a {@code handoff}, a step of its child run ({@link TurnSteps}): the current agent
 * answers or hands over. Its output is the turn ({@code turn}, {@code agent}, {@code text}, {@code
 * handoffTo}, {@code message}) with {@code done} and the {@code transcript} so far, which the next
 * turn reads (its agent is the one handed to).
 */
final class HandoffTurnStep extends TurnStep {
  static final String TYPE = "handoff-turn";

  HandoffTurnStep(AgentRegistry registry, AgentRunner runner) {
    super(TYPE, registry, runner);
  }

  @Override
  @SuppressWarnings("unchecked")
  Object run(Team team, CustomStep step, StepContext context) {
    TurnSteps.Turn in = TurnSteps.Turn.of(step, context);
    String request = in.request();
    List<Map<String, Object>> turns = in.transcript();
    AgentDefinition current =
        team.member(
            in.first()
                ? in.config().text("start", team.names().getFirst())
                : String.valueOf(in.previous().get("handoffTo")));
    Object message = in.previous().get("message");

    List<String> targets = new ArrayList<>(List.of(HandoffStep.NONE));
    team.names().stream().filter(n -> !n.equals(current.name())).forEach(targets::add);
    String prompt =
        "Request: "
            + request
            + AgentTaskText.context(turns)
            + (message == null ? "" : "\nHanded to you with: " + message)
            + "\nAnswer it, or hand it to one of "
            + targets.subList(1, targets.size())
            + " with a message.";
    AgentOutcome outcome =
        runner.run(withHandoffSchema(current, targets), AgentTask.of(prompt), context);
    Map<String, Object> answer = (Map<String, Object>) outcome.json();
    Map<String, Object> turn = new LinkedHashMap<>();
    turn.put("turn", turns.size() + 1);
    turn.put("agent", current.name());
    turn.put("text", answer.get("answer"));
    turn.put("handoffTo", answer.get("handoffTo"));
    turns.add(turn);
    context.emit("team.turn", turn);

    Map<String, Object> out = new LinkedHashMap<>(turn);
    out.put("message", String.valueOf(answer.getOrDefault("message", "")));
    out.put("usage", outcome.usage().toMap());
    out.put(
        "done",
        HandoffStep.NONE.equals(String.valueOf(answer.get("handoffTo")))
            || turns.size() >= in.maxTurns());
    out.put(TurnSteps.TRANSCRIPT, turns);
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
    return TurnSteps.schema(HandoffStep.fields());
  }
}
