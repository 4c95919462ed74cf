package io.baton.engine.expression.internal;

/**
 * Raised by the JavaScript operators inside CEL, with the position in the JavaScript source; CEL
 * wraps it, and {@link CelCompiled} unwraps it into an {@link
 * io.baton.api.spi.ExpressionException}.
 */
final class JsEvaluationError extends RuntimeException {
  private final int position;

  JsEvaluationError(String message, long position) {
    super(message, null, false, false);
    this.position = (int) position;
  }

  int position() {
    return position;
  }
}
