package io.baton.bench;

import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chains of counting steps, the shape of W1 and W4: step {@code s1} reads {@code ${inputs.start}},
 * each next step {@code s(i)} depends on {@code s(i-1)} and reads {@code ${steps.s(i-1).output}},
 * and each returns its input plus one — so a run started with {@code start = 0} outputs the chain's
 * length.
 */
final class Chains {
  /** The inputs a chain is started with. */
  static final Map<String, Object> INPUTS = Map.of("start", 0L);

  private Chains() {}

  /** A chain of {@code length} counting steps running in {@code mode}. */
  static WorkflowDefinition counting(String id, int length, HandlerMode mode) {
    if (length < 1) {
      throw new IllegalArgumentException("a chain needs at least one step, was " + length);
    }
    List<StepDef> steps = new ArrayList<>(length);
    steps.add(mode.increment(StepCommon.of("s1").withInput(Map.of("n", "${inputs.start}"))));
    for (int i = 2; i <= length; i++) {
      String previous = "s" + (i - 1);
      StepCommon common =
          StepCommon.of("s" + i)
              .withDependsOn(List.of(previous))
              .withInput(Map.of("n", "${steps." + previous + ".output}"));
      steps.add(mode.increment(common));
    }
    return new WorkflowDefinition(
        id + "-" + mode.key(),
        "1",
        id + " " + mode.key(),
        null,
        null,
        null,
        steps,
        null,
        null,
        null);
  }
}
