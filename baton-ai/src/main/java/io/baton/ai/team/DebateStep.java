package io.baton.ai.team;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.step.ConfigSchemas;
import io.baton.ai.step.StepConfig;
import io.baton.api.definition.CustomStep;
import io.baton.api.spi.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code debate}: for {@code rounds} rounds each agent states its position, seeing the others'
 * earlier ones; then the {@code judge} agent (or a coordinator) gives the verdict.
 */
final class DebateStep extends TeamStep {

  DebateStep(AgentRegistry registry, AgentRunner runner) {
    super("debate", registry, runner);
  }

  @Override
  Object run(Team team, CustomStep step, StepContext context) {
    String request = team.request(context);
    int rounds = team.limit("rounds", 2);
    List<Map<String, Object>> turns = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      for (AgentDefinition member : team.members()) {
        team.turn(
            member,
            "Debate, round "
                + round
                + " of "
                + rounds
                + ". Question: "
                + request
                + AgentTaskText.context(turns)
                + "\nState or revise your position in a few sentences.",
            turns,
            context);
      }
    }
    String judgeName = new StepConfig(step).text("judge", null);
    AgentDefinition judge =
        judgeName != null
            ? registry.require(judgeName)
            : team.coordinator(
                "judge", "You judge a debate and give the verdict with its reason.", null);
    List<Map<String, Object>> verdictTurn = new ArrayList<>();
    String verdict =
        team.turn(
                judge,
                "Question: " + request + AgentTaskText.context(turns) + "\nGive the verdict.",
                verdictTurn,
                context)
            .text();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("verdict", verdict);
    out.put("turns", turns);
    return out;
  }

  @Override
  public Map<String, Object> configSchema() {
    return ConfigSchemas.teamStep(
        Map.of("rounds", ConfigSchemas.positive(), "judge", ConfigSchemas.text()));
  }
}
