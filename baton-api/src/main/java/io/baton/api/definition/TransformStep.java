package io.baton.api.definition;

/**
 * Computes a value: either an {@code expression} or a {@code value} whose strings are templates.
 * Runs inline, in the run's decider, without a thread of its own.
 *
 * @param expression an expression giving the output, or null
 * @param value a JSON value with templates giving the output, or null
 */
public record TransformStep(StepCommon common, String expression, Object value) implements StepDef {
  @Override
  public String type() {
    return "transform";
  }

  @Override
  public TransformStep withCommon(StepCommon c) {
    return new TransformStep(c, expression, value);
  }
}
