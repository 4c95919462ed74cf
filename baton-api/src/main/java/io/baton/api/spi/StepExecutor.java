package io.baton.api.spi;

import io.baton.api.definition.StepDef;
import java.util.Map;

/**
 * Executes steps of one type: the SPI through which step types are added ({@code agent}, {@code
 * http}, your own).
 *
 * <pre>{@code
 * Baton.builder().step(new HttpStepExecutor(client)).build();
 * }</pre>
 *
 * <p>The returned value becomes the step's output and must be JSON-like (maps, lists, strings,
 * numbers, booleans, null) or a record or bean convertible to JSON. Throw {@link
 * io.baton.api.run.StepException} to fail with a classified error; other exceptions are classified
 * by the engine.
 *
 * @param <D> the definition record it executes; {@link io.baton.api.definition.CustomStep} for
 *     added types
 */
public interface StepExecutor<D extends StepDef> {

  /** The step type, as written in definitions. */
  String type();

  /** The definition record this executor takes. */
  Class<D> definitionType();

  /** Runs one attempt of {@code step} and returns its output. */
  Object execute(D step, StepContext context) throws Exception;

  /** Where it runs; {@link ExecutionMode#VIRTUAL_THREAD} unless it is trivially fast. */
  default ExecutionMode mode() {
    return ExecutionMode.VIRTUAL_THREAD;
  }

  /**
   * A JSON Schema of the type-specific fields ({@code config} of a custom step), checked when a
   * definition is validated, and shown by editors. Empty: anything is accepted.
   */
  default Map<String, Object> configSchema() {
    return Map.of();
  }

  /** The body of a step type given as a lambda: the step's definition and the attempt's context. */
  @FunctionalInterface
  interface Body {
    /** Runs one attempt and returns its output. */
    Object execute(io.baton.api.definition.CustomStep step, StepContext context) throws Exception;
  }

  /**
   * A step type from a lambda, for steps written {@code type: <type>} whose own fields arrive in
   * {@link io.baton.api.definition.CustomStep#config()}.
   *
   * <pre>{@code
   * Baton.builder().step(StepExecutor.of("double", ExecutionMode.INLINE,
   *     (step, ctx) -> ((Number) ctx.inputMap().get("n")).longValue() * 2));
   * }</pre>
   */
  static StepExecutor<io.baton.api.definition.CustomStep> of(
      String type, ExecutionMode mode, Body body) {
    return new StepExecutor<>() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public Class<io.baton.api.definition.CustomStep> definitionType() {
        return io.baton.api.definition.CustomStep.class;
      }

      @Override
      public Object execute(io.baton.api.definition.CustomStep step, StepContext context)
          throws Exception {
        return body.execute(step, context);
      }

      @Override
      public ExecutionMode mode() {
        return mode;
      }
    };
  }
}
