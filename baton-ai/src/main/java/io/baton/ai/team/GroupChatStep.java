package io.baton.ai.team;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentOutcome;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.journal.CallJournal;
import io.baton.ai.step.ConfigSchemas;
import io.baton.ai.step.StepConfig;
import io.baton.api.definition.CustomStep;
import io.baton.api.spi.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code group-chat}: the agents take turns in one conversation, each seeing the transcript so far.
 * The next speaker is the next agent in order ({@code speaker: round-robin}, the default) or the
 * one the step's model picks ({@code speaker: model}). The chat ends after {@code maxTurns} turns
 * (default: two per agent), after a turn whose text contains {@code terminateOn}, or once the CEL
 * condition {@code until} holds over the transcript ({@code turns}, {@code last}).
 *
 * <pre>{@code
 * - id: review
 *   type: group-chat
 *   agents: [author, critic]
 *   maxTurns: 6
 *   terminateOn: APPROVED
 *   until: "size(turns) >= 2 && last.agent == 'critic' && last.text.contains('ship it')"
 *   input: {prompt: "Agree on a title for ${inputs.topic}"}
 * }</pre>
 *
 * <p>Each turn is journaled as progress {@code turn/<n>} of the attempt (its agent, input, text and
 * tokens) besides the model calls it made, which a re-execution after a crash replays.
 */
final class GroupChatStep extends TeamStep {
  static final String ROUND_ROBIN = "round-robin";
  static final String MODEL = "model";

  GroupChatStep(AgentRegistry registry, AgentRunner runner) {
    super("group-chat", registry, runner);
  }

  @Override
  Object run(Team team, CustomStep step, StepContext context) {
    StepConfig config = new StepConfig(step);
    String speaker = config.text("speaker", ROUND_ROBIN);
    String keyword = config.text("terminateOn", null);
    ChatTermination until = ChatTermination.of(step, config.text("until", null));
    int maxTurns = team.limit("maxTurns", 2 * team.members().size());
    String request = team.request(context);
    List<Map<String, Object>> turns = new ArrayList<>();
    String stoppedBy = "maxTurns";
    while (turns.size() < maxTurns) {
      AgentDefinition next =
          speaker.equals(MODEL)
              ? team.member(pickSpeaker(team, request, turns, context))
              : team.members().get(turns.size() % team.members().size());
      String prompt = prompt(request, turns, next.name());
      AgentOutcome outcome = team.turn(next, prompt, turns, context);
      journal(turns.getLast(), prompt, context);
      if (keyword != null && outcome.text() != null && outcome.text().contains(keyword)) {
        stoppedBy = "keyword";
        break;
      }
      if (until != null && until.holds(turns)) {
        stoppedBy = "condition";
        break;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("result", turns.isEmpty() ? "" : turns.getLast().get("text"));
    out.put("turns", turns);
    out.put("stoppedBy", stoppedBy);
    return out;
  }

  @SuppressWarnings("unchecked")
  private String pickSpeaker(
      Team team, String request, List<Map<String, Object>> turns, StepContext context) {
    AgentDefinition chooser =
        team.coordinator(
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

  /** Journals the turn: its tokens under {@code tokens}, as the model calls already count them. */
  private static void journal(Map<String, Object> turn, String prompt, StepContext context) {
    Map<String, Object> entry = new LinkedHashMap<>(turn);
    entry.put("input", prompt);
    entry.put("tokens", entry.remove("usage"));
    CallJournal.of(context).record("turn/" + turn.get("turn"), entry);
  }

  @Override
  public Map<String, Object> configSchema() {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("maxTurns", ConfigSchemas.positive());
    extra.put("speaker", Map.of("type", "string", "enum", List.of(ROUND_ROBIN, MODEL)));
    extra.put("terminateOn", Map.of("type", "string", "minLength", 1));
    extra.put("until", Map.of("type", "string", "minLength", 1));
    return ConfigSchemas.teamStep(extra);
  }
}
