package io.baton.ai.team;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentOutcome;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.step.ConfigSchemas;
import io.baton.ai.step.StepConfig;
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
final class GroupChatTurnStep extends TeamStep {
  static final String TYPE = "group-chat-turn";

  GroupChatTurnStep(AgentRegistry registry, AgentRunner runner) {
    super(TYPE, registry, runner);
  }

  @Override
  Object run(Team team, CustomStep step, StepContext context) {
    StepConfig config = new StepConfig(step);
    String chatStep = config.text(TurnSteps.TEAM_STEP, step.id());
    TurnSteps.TurnInput in = TurnSteps.TurnInput.of(context);
    String request = in.request();
    List<Map<String, Object>> turns = in.transcript();
    AgentDefinition next =
        config.text("speaker", GroupChatStep.ROUND_ROBIN).equals(GroupChatStep.MODEL)
            ? team.member(pickSpeaker(team, chatStep, request, turns, context))
            : team.members().get(turns.size() % team.members().size());
    String prompt = prompt(request, turns, next.name());
    AgentOutcome outcome = team.turn(next, prompt, turns, context);

    String stoppedBy = stoppedBy(config, chatStep, outcome, turns);
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
      StepConfig config, String chatStep, AgentOutcome outcome, List<Map<String, Object>> turns) {
    String keyword = config.text("terminateOn", null);
    if (keyword != null && outcome.text() != null && outcome.text().contains(keyword)) {
      return "keyword";
    }
    ChatTermination until = ChatTermination.of(chatStep, config.text("until", null));
    if (until != null && until.holds(turns)) {
      return "condition";
    }
    return turns.size() >= config.integer(TurnSteps.MAX_TURNS, Integer.MAX_VALUE)
        ? "maxTurns"
        : null;
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
    Map<String, Object> fields = GroupChatStep.fields();
    fields.put(TurnSteps.TEAM_STEP, ConfigSchemas.text());
    return ConfigSchemas.teamStep(fields);
  }
}
