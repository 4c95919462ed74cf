package io.baton.bench;

import io.baton.api.definition.CustomStep;
import io.baton.api.spi.ExecutionMode;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.StepExecutor;

/**
 * The {@code bench_inc_inline} step type: returns its input's {@code n} plus one, on the run's
 * decider.
 */
final class InlineIncrement implements StepExecutor<CustomStep> {
  @Override
  public String type() {
    return BenchSteps.INCREMENT_INLINE;
  }

  @Override
  public Class<CustomStep> definitionType() {
    return CustomStep.class;
  }

  @Override
  public ExecutionMode mode() {
    return ExecutionMode.INLINE;
  }

  @Override
  public Object execute(CustomStep step, StepContext context) {
    return BenchSteps.increment(context);
  }
}
