package io.baton.ai.team;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentOutcome;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.agent.AgentTask;
import io.baton.api.definition.CustomStep;
import io.baton.api.spi.StepContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ballot of a {@code vote}, a step of its child run ({@link TurnSteps}): the next agent in
 * order chooses one of the options with a reason. Its output is the vote ({@code choice}, {@code
 * reason}, {@code agent}) with the prompt ({@code input}), the agent's {@code usage}, {@code done}
 * (after the last agent) and the votes so far ({@code transcript}), which the next ballot reads.
 */
final class VoteTurnStep extends TurnStep {
  static final String TYPE = "vote-turn";

  VoteTurnStep(AgentRegistry registry, AgentRunner runner) {
    super(TYPE, registry, runner);
  }

  @Override
  @SuppressWarnings("unchecked")
  Object run(Team team, CustomStep step, StepContext context) {
    TurnSteps.Turn in = TurnSteps.Turn.of(step, context);
    List<String> options = in.config().texts(VoteStep.OPTIONS);
    List<Map<String, Object>> votes = in.transcript();
    AgentDefinition voter = team.members().get(votes.size());
    String prompt = "Vote on: " + in.request() + "\nOptions: " + options;
    AgentOutcome ballot =
        runner.run(
            voter, new AgentTask(prompt, List.of(), schema(options), List.of(), false), context);
    Map<String, Object> vote = new LinkedHashMap<>((Map<String, Object>) ballot.json());
    vote.put("agent", voter.name());
    votes.add(vote);
    context.emit("team.turn", vote);

    Map<String, Object> out = new LinkedHashMap<>(vote);
    out.put("input", prompt);
    out.put("usage", ballot.usage().toMap());
    out.put("done", votes.size() >= team.members().size());
    out.put(TurnSteps.TRANSCRIPT, votes);
    return out;
  }

  private static Map<String, Object> schema(List<String> options) {
    return Map.of(
        "type", "object",
        "required", List.of("choice"),
        "properties",
            Map.of(
                "choice",
                Map.of("type", "string", "enum", options),
                "reason",
                Map.of("type", "string")));
  }

  @Override
  public Map<String, Object> configSchema() {
    return TurnSteps.schema(VoteStep.fields());
  }
}
