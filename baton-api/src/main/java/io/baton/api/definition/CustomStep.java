package io.baton.api.definition;

import java.util.Map;

/**
 * A step of a type registered through the step-executor SPI ({@code agent}, {@code llm}, {@code
 * http}, {@code code}, {@code task}, or your own). Its type-specific fields are kept in {@code
 * config}, interpreted and validated by the executor registered for the type.
 *
 * @param type the step type
 * @param config the type-specific fields, as written
 */
public record CustomStep(StepCommon common, String type, Map<String, Object> config)
    implements StepDef {
  public CustomStep {
    config = Frozen.map(config);
  }

  @Override
  public CustomStep withCommon(StepCommon c) {
    return new CustomStep(c, type, config);
  }
}
