package io.baton.bench;

import io.baton.api.definition.Branch;
import io.baton.api.definition.CustomStep;
import io.baton.api.definition.MapStep;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.StartStep;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.WorkflowDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three ways to write W2's fan-out in Baton, the variant key {@code form=}. Each is {@code
 * start} → {@code n} delayed steps, the {@code i}-th returning {@code i} (1-based) → a {@code join}
 * step summing them, so a run outputs {@code n(n+1)/2}.
 */
enum FanOutShape {
  /** A {@code parallel} step with one single-step branch per value. */
  PARALLEL("parallel"),
  /** {@code n} sibling steps depending on {@code start}; the join depends on all of them. */
  SIBLINGS("siblings"),
  /**
   * A {@code map} step over the inputs' {@code items} with {@code maxConcurrency: 0} (no limit).
   */
  MAP("map");

  private final String key;

  FanOutShape(String key) {
    this.key = key;
  }

  /** The value of the {@code form=} key. */
  String key() {
    return key;
  }

  /** The workflow of this shape with {@code n} branches. */
  WorkflowDefinition definition(int n) {
    List<StepDef> steps = new ArrayList<>();
    steps.add(new StartStep(StepCommon.of("start")));
    switch (this) {
      case PARALLEL -> {
        List<Branch> branches = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          branches.add(new Branch("b" + i, List.of(delay("w" + i, i))));
        }
        steps.add(new ParallelStep(after("fan", "start"), branches, null));
        steps.add(join(List.of("fan"), "${steps.fan.output}"));
      }
      case SIBLINGS -> {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          steps.add(delay("w" + i, i).withCommon(after("w" + i, "start").withInput(value(i))));
          ids.add("w" + i);
          values.put("w" + i, "${steps.w" + i + ".output}");
        }
        steps.add(join(ids, values));
      }
      case MAP -> {
        StepDef body =
            new ToolStep(StepCommon.of("w").withInput(value("${item}")), BenchSteps.DELAY_TOOL);
        steps.add(
            new MapStep(after("fan", "start"), "${inputs.items}", "item", 0, List.of(body), null));
        steps.add(join(List.of("fan"), "${steps.fan.output}"));
      }
    }
    String id = "w2-" + key + "-" + n;
    return new WorkflowDefinition(id, "1", id, null, null, null, steps, null, null, null);
  }

  /** The run's inputs: the items {@code 1..n} (used by {@link #MAP}). */
  static Map<String, Object> inputs(int n) {
    List<Object> items = new ArrayList<>(n);
    for (long i = 1; i <= n; i++) {
      items.add(i);
    }
    return Map.of("items", items);
  }

  /** What a run with {@code n} branches outputs. */
  static long expectedSum(int n) {
    return (long) n * (n + 1) / 2;
  }

  private static StepCommon after(String id, String dependency) {
    return StepCommon.of(id).withDependsOn(List.of(dependency));
  }

  private static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }

  private static StepDef delay(String id, long value) {
    return new ToolStep(StepCommon.of(id).withInput(value(value)), BenchSteps.DELAY_TOOL);
  }

  private static StepDef join(List<String> dependsOn, Object values) {
    StepCommon common =
        StepCommon.of("join").withDependsOn(dependsOn).withInput(Map.of("values", values));
    return new CustomStep(common, BenchSteps.SUM_INLINE, Map.of());
  }
}
