package io.baton.engine.expression.internal;

import io.baton.api.spi.ExpressionException;

/**
 * The two kinds of rejection of the JavaScript subset: malformed input, and JavaScript beyond the
 * subset.
 */
final class JsSyntaxErrors {
  private JsSyntaxErrors() {}

  static ExpressionException unsupported(String construct, String source, int position) {
    return new ExpressionException(
        construct
            + " is not supported by the built-in JavaScript dialect (position "
            + position
            + " of '"
            + source
            + "'); it evaluates simple conditions only — add the baton-sandbox module to the class"
            + " path to run full JavaScript (GraalJS, sandboxed)",
        source,
        position);
  }

  static ExpressionException syntax(String message, String source, int position) {
    return new ExpressionException(
        "invalid JavaScript expression: "
            + message
            + " at position "
            + position
            + " of '"
            + source
            + "'",
        source,
        position);
  }
}
