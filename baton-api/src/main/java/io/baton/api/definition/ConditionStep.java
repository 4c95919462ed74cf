package io.baton.api.definition;

import java.util.List;

/**
 * Chooses between two sets of steps. The steps of the branch not taken are skipped (and skipping
 * propagates to the steps that depend only on them). Its output is {@code {"value": true|false,
 * "branch": "then"|"else"}}.
 *
 * <pre>{@code
 * - id: big-order
 *   type: condition
 *   condition: inputs.amount > 1000
 *   then: [manager-approval]
 *   else: [auto-approve]
 * }</pre>
 *
 * @param condition a boolean expression
 * @param whenTrue the steps run when it is true ({@code then})
 * @param whenFalse the steps run when it is false ({@code else})
 */
public record ConditionStep(
    StepCommon common, String condition, List<String> whenTrue, List<String> whenFalse)
    implements StepDef {
  public ConditionStep {
    whenTrue = Frozen.list(whenTrue);
    whenFalse = Frozen.list(whenFalse);
  }

  @Override
  public String type() {
    return "condition";
  }

  @Override
  public ConditionStep withCommon(StepCommon c) {
    return new ConditionStep(c, condition, whenTrue, whenFalse);
  }
}
