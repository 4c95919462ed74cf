package io.baton.engine.scheduler;

import io.baton.api.definition.StepDef;
import io.baton.api.spi.ExecutionMode;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.StepExecutor;
import java.util.Map;

/**
 * A step executor behind a {@link StepAdmission}: the admission's substitute, when it gives one, is
 * the output; otherwise the executor runs. Everything else is the executor's own.
 *
 * @param <D> the definition record the executor takes
 */
public final class AdmittedStep<D extends StepDef> implements StepExecutor<D> {
  private final StepExecutor<D> executor;
  private final StepAdmission admission;

  private AdmittedStep(StepExecutor<D> executor, StepAdmission admission) {
    this.executor = executor;
    this.admission = admission;
  }

  /** {@code executor} behind {@code admission}; as it is with {@link StepAdmission#ALWAYS}. */
  public static <D extends StepDef> StepExecutor<D> of(
      StepExecutor<D> executor, StepAdmission admission) {
    return executor == null || admission == StepAdmission.ALWAYS
        ? executor
        : new AdmittedStep<>(executor, admission);
  }

  @Override
  public String type() {
    return executor.type();
  }

  @Override
  public Class<D> definitionType() {
    return executor.definitionType();
  }

  @Override
  public Object execute(D step, StepContext context) throws Exception {
    var substitute = admission.substitute(step, context);
    return substitute.isPresent() ? substitute.get() : executor.execute(step, context);
  }

  @Override
  public ExecutionMode mode() {
    return executor.mode();
  }

  @Override
  public Map<String, Object> configSchema() {
    return executor.configSchema();
  }
}
