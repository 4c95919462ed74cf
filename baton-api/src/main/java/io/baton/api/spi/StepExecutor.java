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
}
