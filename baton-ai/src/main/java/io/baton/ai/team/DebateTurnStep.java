package io.baton.ai.team;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.api.definition.CustomStep;
import io.baton.api.spi.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One turn of a {@code debate}, a step of its child run ({@link TurnSteps}): an agent states or
 * revises its position (the agents in order, {@code rounds} times), or, after the last round, the
 * judge gives the verdict. A position's output is the turn ({@code turn}, {@code agent}, {@code
 * text}, {@code model}, {@code usage}) with its {@code round}, the prompt ({@code input}), {@code
 * done: false} and the {@code transcript} so far; the verdict's is the judge's turn with {@code
 * verdict}, {@code done: true} and the transcript of the positions.
 */
final class DebateTurnStep extends TurnStep {
  static final String TYPE = "debate-turn";

  DebateTurnStep(AgentRegistry registry, AgentRunner runner) {
    super(TYPE, registry, runner);
  }

  @Override
  Object run(Team team, CustomStep step, StepContext context) {
    TurnSteps.Turn in = TurnSteps.Turn.of(step, context);
    List<Map<String, Object>> turns = in.transcript();
    int rounds = team.limit("rounds", 2);
    int size = team.members().size();
    if (turns.size() >= rounds * size) {
      return verdict(team, in, context);
    }
    int round = turns.size() / size + 1;
    String prompt =
        "Debate, round "
            + round
            + " of "
            + rounds
            + ". Question: "
            + in.request()
            + AgentTaskText.context(turns)
            + "\nState or revise your position in a few sentences.";
    team.turn(team.members().get(turns.size() % size), prompt, turns, context);
    Map<String, Object> out = new LinkedHashMap<>(turns.getLast());
    out.put("round", round);
    out.put("input", prompt);
    out.put("done", false);
    out.put(TurnSteps.TRANSCRIPT, turns);
    return out;
  }

  private Map<String, Object> verdict(Team team, TurnSteps.Turn in, StepContext context) {
    AgentDefinition named = Team.namedBy(in.teamStep(), "judge", in.config(), registry);
    AgentDefinition judge =
        named != null
            ? named
            : team.coordinator(
                in.teamStep(),
                "judge",
                "You judge a debate and give the verdict with its reason.",
                null);
    String prompt =
        "Question: "
            + in.request()
            + AgentTaskText.context(in.transcript())
            + "\nGive the verdict.";
    List<Map<String, Object>> verdictTurn = new ArrayList<>();
    String verdict = team.turn(judge, prompt, verdictTurn, context).text();
    Map<String, Object> out = new LinkedHashMap<>(verdictTurn.getLast());
    out.remove("turn");
    out.put("input", prompt);
    out.put("verdict", verdict);
    out.put("done", true);
    out.put(TurnSteps.TRANSCRIPT, in.transcript());
    return out;
  }

  @Override
  public Map<String, Object> configSchema() {
    return TurnSteps.schema(DebateStep.fields());
  }
}
