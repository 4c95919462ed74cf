package io.baton.ai.team;

import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.step.ConfigSchemas;
import io.baton.ai.step.StepConfig;
import io.baton.api.definition.CustomStep;
import io.baton.api.spi.StepContext;
import io.baton.engine.Baton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
 * <p>Each turn is a {@code group-chat-turn} step ({@link GroupChatTurnStep}) of the chat's child
 * run ({@link TurnSteps}); the step's output names it ({@code childRun}).
 */
final class GroupChatStep extends TeamStep {
  static final String ROUND_ROBIN = "round-robin";
  static final String MODEL = "model";

  private final Supplier<Baton> baton;

  GroupChatStep(AgentRegistry registry, AgentRunner runner, Supplier<Baton> baton) {
    super("group-chat", registry, runner);
    this.baton = baton;
  }

  @Override
  Object run(Team team, CustomStep step, StepContext context) {
    ChatTermination.of(step.id(), new StepConfig(step).text("until", null)); // refused before turns
    int maxTurns = team.limit("maxTurns", 2 * team.members().size());
    Map<String, Object> last =
        TurnSteps.run(
            baton, step, GroupChatTurnStep.TYPE, maxTurns, team.request(context), context);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("result", last.get("text"));
    out.put("turns", last.get(TurnSteps.TRANSCRIPT));
    out.put("stoppedBy", last.get("stoppedBy"));
    out.put("childRun", last.get("childRun"));
    return out;
  }

  /** The fields of a group chat, which its turn steps have too. */
  static Map<String, Object> fields() {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("maxTurns", ConfigSchemas.positive());
    extra.put("speaker", Map.of("type", "string", "enum", List.of(ROUND_ROBIN, MODEL)));
    extra.put("terminateOn", Map.of("type", "string", "minLength", 1));
    extra.put("until", Map.of("type", "string", "minLength", 1));
    return extra;
  }

  @Override
  public Map<String, Object> configSchema() {
    return ConfigSchemas.teamStep(fields());
  }
}
