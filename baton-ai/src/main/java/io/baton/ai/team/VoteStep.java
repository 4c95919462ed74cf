package io.baton.ai.team;

import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.step.ConfigSchemas;
import io.baton.ai.step.StepConfig;
import io.baton.api.definition.CustomStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.engine.Baton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code vote}: each agent chooses one of {@code options} with a reason; the option with most votes
 * wins, a tie going to the option listed first.
 *
 * <p>Each ballot is a {@code vote-turn} step ({@link VoteTurnStep}) of the step's child run ({@link
 * TurnSteps}), the agents in order; the step counts them. Its output names the child run ({@code
 * childRun}).
 */
final class VoteStep extends TeamStep {
  /** The config field with the options, which the ballots read. */
  static final String OPTIONS = "options";

  private final Supplier<Baton> baton;

  VoteStep(AgentRegistry registry, AgentRunner runner, Supplier<Baton> baton) {
    super("vote", registry, runner);
    this.baton = baton;
  }

  @Override
  Object run(Team team, CustomStep step, StepContext context) {
    List<String> options = new StepConfig(step).texts(OPTIONS);
    if (options.isEmpty() && context.inputMap().get(OPTIONS) instanceof List<?> fromInput) {
      options = fromInput.stream().map(String::valueOf).toList();
    }
    if (options.size() < 2) {
      throw new StepException(
          ErrorKind.BAD_INPUT, "vote step '" + step.id() + "' needs at least two options");
    }
    Map<String, Object> config = new LinkedHashMap<>(step.config());
    config.put(OPTIONS, options); // the ballots get the options also when they came as input
    Map<String, Object> last =
        TurnSteps.run(
            baton,
            new CustomStep(step.common(), step.type(), config),
            VoteTurnStep.TYPE,
            team.members().size(),
            team.request(context),
            context);
    List<Map<String, Object>> votes = TurnSteps.Turn.list(last.get(TurnSteps.TRANSCRIPT));
    Map<String, Long> tally = new LinkedHashMap<>();
    options.forEach(o -> tally.put(o, 0L));
    votes.forEach(v -> tally.merge(String.valueOf(v.get("choice")), 1L, Long::sum));
    String winner =
        tally.entrySet().stream()
            .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
            .orElseThrow()
            .getKey();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("winner", winner);
    out.put("tally", tally);
    out.put("votes", votes);
    out.put("childRun", last.get("childRun"));
    return out;
  }

  /** The fields of a vote, which its ballots have too. */
  static Map<String, Object> fields() {
    return Map.of(OPTIONS, Map.of("type", "array", "items", ConfigSchemas.text()));
  }

  @Override
  public Map<String, Object> configSchema() {
    return ConfigSchemas.teamStep(fields());
  }
}
