package io.baton.engine.expression;

import java.util.Map;

/**
 * A compiled condition, such as a step's {@code when}; safe to test from many threads.
 *
 * <pre>{@code
 * Condition when = expressions.condition("cel", "inputs.amount > 100");
 * if (!when.test(variables)) { skip(step); }
 * }</pre>
 */
@FunctionalInterface
public interface Condition {
  /**
   * Evaluates the condition.
   *
   * @throws io.baton.api.spi.ExpressionException when evaluation fails, or (outside JavaScript) the
   *     result is not a boolean
   */
  boolean test(Map<String, Object> variables);
}
