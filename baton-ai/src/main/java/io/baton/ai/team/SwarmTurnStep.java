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
 * A step of a {@code swarm}'s child run ({@link TurnSteps#runSideBySide}): given an {@code agent},
 * that agent's answer to the request ({@code agent}, {@code text}, {@code usage}); given the
 * agents' {@code answers}, the aggregator's merge of them ({@code result}, the {@code answers}, and
 * the aggregator's turn: {@code agent}, {@code input}, {@code model}, {@code usage}).
 */
final class SwarmTurnStep extends TurnStep {
  static final String TYPE = "swarm-turn";
  static final String ANSWERS = "answers";

  SwarmTurnStep(AgentRegistry registry, AgentRunner runner) {
    super(TYPE, registry, runner);
  }

  @Override
  Object run(Team team, CustomStep step, StepContext context) {
    TurnSteps.Turn in = TurnSteps.Turn.of(step, context);
    Object answers = context.inputMap().get(ANSWERS);
    return answers == null
        ? answer(team, in, String.valueOf(context.inputMap().get("agent")), context)
        : merge(team, in, TurnSteps.Turn.list(answers), context);
  }

  private Map<String, Object> answer(
      Team team, TurnSteps.Turn in, String agent, StepContext context) {
    AgentOutcome o = runner.run(team.member(agent), AgentTask.of(in.request()), context);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("agent", o.agent());
    answer.put("text", o.text());
    answer.put("usage", o.usage().toMap());
    context.emit("team.turn", answer);
    return answer;
  }

  private Map<String, Object> merge(
      Team team, TurnSteps.Turn in, List<Map<String, Object>> answers, StepContext context) {
    AgentDefinition named = Team.namedBy(in.teamStep(), "aggregator", in.config(), registry);
    AgentDefinition aggregator =
        named != null
            ? named
            : team.coordinator(
                in.teamStep(), "aggregator", "Merge the team's answers into one answer.", null);
    String prompt =
        "Request: " + in.request() + AgentTaskText.context(answers) + "\nMerge these answers.";
    List<Map<String, Object>> turn = new ArrayList<>();
    String merged = team.turn(aggregator, prompt, turn, context).text();
    Map<String, Object> out = new LinkedHashMap<>(turn.getLast());
    out.remove("turn");
    out.remove("text");
    out.put("input", prompt);
    out.put("result", merged);
    out.put(ANSWERS, answers);
    return out;
  }

  @Override
  public Map<String, Object> configSchema() {
    return TurnSteps.schema(SwarmStep.fields());
  }
}
