package io.baton.ai.team;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentOutcome;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.agent.AgentTask;
import io.baton.ai.step.ConfigSchemas;
import io.baton.ai.step.StepConfig;
import io.baton.api.definition.CustomStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code vote}: each agent chooses one of {@code options} with a reason; the option with most votes
 * wins, a tie going to the option listed first.
 */
final class VoteStep extends TeamStep {

  VoteStep(AgentRegistry registry, AgentRunner runner) {
    super("vote", registry, runner);
  }

  @Override
  @SuppressWarnings("unchecked")
  Object run(Team team, CustomStep step, StepContext context) {
    List<String> options = new StepConfig(step).texts("options");
    if (options.isEmpty() && context.inputMap().get("options") instanceof List<?> fromInput) {
      options = fromInput.stream().map(String::valueOf).toList();
    }
    if (options.size() < 2) {
      throw new StepException(
          ErrorKind.BAD_INPUT, "vote step '" + step.id() + "' needs at least two options");
    }
    Map<String, Object> schema =
        Map.of(
            "type", "object",
            "required", List.of("choice"),
            "properties",
                Map.of(
                    "choice",
                    Map.of("type", "string", "enum", options),
                    "reason",
                    Map.of("type", "string")));
    String request = team.request(context);
    Map<String, Long> tally = new LinkedHashMap<>();
    options.forEach(o -> tally.put(o, 0L));
    List<Map<String, Object>> votes = new ArrayList<>();
    for (AgentDefinition member : team.members()) {
      AgentOutcome ballot =
          runner.run(
              member,
              new AgentTask(
                  "Vote on: " + request + "\nOptions: " + options,
                  List.of(),
                  schema,
                  List.of(),
                  false),
              context);
      Map<String, Object> choice = (Map<String, Object>) ballot.json();
      tally.merge(choice.get("choice").toString(), 1L, Long::sum);
      Map<String, Object> vote = new LinkedHashMap<>(choice);
      vote.put("agent", member.name());
      votes.add(vote);
      context.emit("team.turn", vote);
    }
    String winner =
        tally.entrySet().stream()
            .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
            .orElseThrow()
            .getKey();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("winner", winner);
    out.put("tally", tally);
    out.put("votes", votes);
    return out;
  }

  @Override
  public Map<String, Object> configSchema() {
    return ConfigSchemas.teamStep(
        Map.of("options", Map.of("type", "array", "items", ConfigSchemas.text())));
  }
}
