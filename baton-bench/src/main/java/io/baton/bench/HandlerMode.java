package io.baton.bench;

import io.baton.api.definition.CustomStep;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.ToolStep;
import java.util.Map;

/**
 * Where a trivial step's handler runs, the variant key {@code mode=} of W1 and W4: on the run's
 * decider thread ({@code ExecutionMode.INLINE}), or on a virtual thread of its own through the
 * scheduler (a registered tool).
 */
enum HandlerMode {
  /** An inline custom step executor: no scheduler, no thread hand-off. */
  INLINE("inline"),
  /** A registered tool: the path of every model, HTTP or tool call. */
  VIRTUAL_THREAD("virtual_thread");

  private final String key;

  HandlerMode(String key) {
    this.key = key;
  }

  /** The value of the {@code mode=} key. */
  String key() {
    return key;
  }

  /** A step that returns its input's {@code n} plus one, run in this mode. */
  StepDef increment(StepCommon common) {
    return switch (this) {
      case INLINE -> new CustomStep(common, BenchSteps.INCREMENT_INLINE, Map.of());
      case VIRTUAL_THREAD -> new ToolStep(common, BenchSteps.INCREMENT_TOOL);
    };
  }
}
