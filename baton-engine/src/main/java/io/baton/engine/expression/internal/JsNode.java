package io.baton.engine.expression.internal;

/** The syntax tree of the JavaScript subset; every node knows where it starts in the source. */
sealed interface JsNode {
  int position();

  /**
   * A number (Long or Double), string, boolean, or null (for both {@code null} and {@code
   * undefined}).
   */
  record Literal(Object value, int position) implements JsNode {}

  /** A variable, or the root of a step alias ({@code plan.result}). */
  record Name(String name, int position) implements JsNode {}

  /** {@code object.name} (property is a string literal) or {@code object[expression]}. */
  record Member(JsNode object, JsNode property, int position) implements JsNode {}

  /** {@code !}, {@code -} or {@code +} applied to an operand. */
  record Unary(String operator, JsNode operand, int position) implements JsNode {}

  /**
   * Arithmetic, comparison, equality or logical ({@code &&}, {@code ||}) operator; position is the
   * operator's.
   */
  record Binary(String operator, JsNode left, JsNode right, int position) implements JsNode {}

  /** {@code test ? then : otherwise}. */
  record Conditional(JsNode test, JsNode then, JsNode otherwise, int position) implements JsNode {}
}
