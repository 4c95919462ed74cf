package io.baton.ai.team;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentOutcome;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.api.definition.CustomStep;
import io.baton.api.spi.StepContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One turn of a {@code group-chat}, a step of the chat's child run ({@link TurnSteps}): picks the
 * speaker, lets it speak on the transcript so far, and says whether the chat is done. Its input is
 * the request and the previous turn's output ({@code previous}, null for the first); its output is
 * the turn — {@code turn}, {@code agent}, {@code input} (the prompt), {@code text}, {@code model},
 * {@code usage} — with {@code done}, {@code stoppedBy} and the {@code transcript} so far (the turns
 * without their prompts), which the next turn reads.
 */
final class GroupChatTurnStep extends TurnStep {
  static final String TYPE = "group-chat-turn";

  GroupChatTurnStep(AgentRegistry registry, AgentRunner runner) {
    super(TYPE, registry, runner);
  }

  @Override
  Object run(Team team, CustomStep step, StepContext context) {
    TurnSteps.Turn in = TurnSteps.Turn.of(step, context);
    String request = in.request();
    List<Map<String, Object>> turns = in.transcript();
    AgentDefinition next =
        in.config().text("speaker", GroupChatStep.ROUND_ROBIN).equals(GroupChatStep.MODEL)
            ? team.member(pickSpeaker(team, in.teamStep(), request, turns, context))
            : team.members().get(turns.size() % team.members().size());
    String prompt = prompt(request, turns, next.name());
    AgentOutcome outcome = team.turn(next, prompt, turns, context);

    String stoppedBy = stoppedBy(in, outcome, turns);
    Map<String, Object> out = new LinkedHashMap<>(turns.getLast());
    out.put("input", prompt);
    out.put("done", stoppedBy != null);
    if (stoppedBy != null) {
      out.put("stoppedBy", stoppedBy);
    }
    out.put(TurnSteps.TRANSCRIPT, turns);
    return out;
  }

  /** Why the chat ends after this turn, or null when it goes on. */
  private static String stoppedBy(
      TurnSteps.Turn in, AgentOutcome outcome, List<Map<String, Object>> turns) {
    String keyword = in.config().text("terminateOn", null);
    if (keyword != null && outcome.text() != null && outcome.text().contains(keyword)) {
      return "keyword";
    }
    ChatTermination until = ChatTermination.of(in.teamStep(), in.config().text("until", null));
    if (until != null && until.holds(turns)) {
      return "condition";
    }
    return turns.size() >= in.maxTurns() ? "maxTurns" : null;
  }

  @SuppressWarnings("unchecked")
  private String pickSpeaker(
      Team team,
      String chatStep,
      String request,
      List<Map<String, Object>> turns,
      StepContext context) {
    AgentDefinition chooser =
        team.coordinator(
            chatStep,
            "speaker",
            "You moderate a group chat. Pick the agent who should speak next. The agents: "
                + team.names(),
            Map.of(
                "type",
                "object",
                "required",
                List.of("next"),
                "properties",
                Map.of("next", Map.of("type", "string", "enum", team.names()))));
    AgentOutcome choice = runner.run(chooser, AgentTaskText.of(request, turns), context);
    return ((Map<String, Object>) choice.json()).get("next").toString();
  }

  private static String prompt(String request, List<Map<String, Object>> turns, String name) {
    return "Group chat. Request: "
        + request
        + AgentTaskText.context(turns)
        + "\nYou are "
        + name
        + ". Say your part in a few sentences.";
  }

  @Override
  public Map<String, Object> configSchema() {
    return TurnSteps.schema(GroupChatStep.fields());
  }
}
