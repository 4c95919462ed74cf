package io.baton.ai.team;

import io.baton.ai.step.ChildRun;
import io.baton.api.definition.CustomStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunView;
import io.baton.api.spi.StepContext;
import io.baton.engine.Baton;
import io.baton.engine.define.Steps;
import io.baton.engine.define.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the turns of a team step ({@code group-chat}, {@code supervisor}, {@code handoff}) as steps:
 * the step's child run ({@link ChildRun}) is a {@code loop} named {@code turns} whose body is one
 * turn step ({@code <type>-turn}), so turn {@code n} is step {@code turns[n-1]/turn} with its own
 * input ({@code request}, and {@code previous}: the turn before), output and usage, journaled and
 * recovered like any step. A turn step's output says whether the team is {@code done} and carries
 * what the next turn needs; the loop ends when it is done, or after {@code maxTurns}.
 */
final class TurnSteps {
  /** The config field naming the team step, for the turn's errors and coordinator names. */
  static final String TEAM_STEP = "teamStep";

  /** The config field with the most turns, which the last turn reports as its reason to stop. */
  static final String MAX_TURNS = "maxTurns";

  /** The field of a turn's output with the turns so far, which the next turn reads. */
  static final String TRANSCRIPT = "transcript";

  /**
   * What a turn step is given: the team's request, the previous turn's output (empty for the first)
   * and the transcript before this turn (a copy the turn adds itself to).
   */
  record TurnInput(
      String request, Map<String, Object> previous, List<Map<String, Object>> transcript) {

    @SuppressWarnings("unchecked")
    static TurnInput of(StepContext context) {
      Map<String, Object> input = context.inputMap();
      Map<String, Object> previous =
          input.get("previous") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
      return new TurnInput(
          String.valueOf(input.get("request")), previous, list(previous.get(TRANSCRIPT)));
    }

    /** Whether this is the team's first turn. */
    boolean first() {
      return previous.isEmpty();
    }

    /** A list field of the previous turn's output, copied; empty for the first turn. */
    List<Map<String, Object>> list(String field) {
      return TurnInput.list(previous.get(field));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
      List<Map<String, Object>> out = new ArrayList<>();
      if (value instanceof List<?> items) {
        items.forEach(i -> out.add((Map<String, Object>) i));
      }
      return out;
    }
  }

  private TurnSteps() {}

  /**
   * Runs {@code step}'s turns, at most {@code maxTurns}, and returns the last turn's output.
   *
   * @param turnType the turn step's type
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> run(
      Supplier<Baton> baton,
      CustomStep step,
      String turnType,
      int maxTurns,
      String request,
      StepContext context) {
    Baton engine = ChildRun.engine(baton, step.type() + " step '" + step.id() + "'");
    RunView done =
        ChildRun.run(
            engine,
            workflow(step, turnType, maxTurns),
            ChildRun.id(context),
            Map.of("request", request),
            "the " + step.type() + " step's child run");
    Map<String, Object> last = new LinkedHashMap<>((Map<String, Object>) done.outputs());
    last.put("childRun", done.runId());
    return last;
  }

  private static WorkflowDefinition workflow(CustomStep step, String turnType, int maxTurns) {
    Map<String, Object> config = new LinkedHashMap<>(step.config());
    config.put(MAX_TURNS, maxTurns);
    config.put(TEAM_STEP, step.id());
    return Workflow.define(step.type() + "-" + step.id())
        .description("The turns of " + step.type() + " step " + step.id())
        .step(
            Steps.loop(
                "turns",
                "result.done",
                maxTurns,
                Steps.custom("turn", turnType, config)
                    .input("request", "${inputs.request}")
                    .input("previous", "${previous}")))
        .outputs("${steps.turns.output.result}")
        .build();
  }
}
