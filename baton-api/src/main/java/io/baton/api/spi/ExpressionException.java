package io.baton.api.spi;

/**
 * An expression that does not compile or cannot be evaluated, with the position of the problem
 * inside it.
 */
public class ExpressionException extends RuntimeException {
  private final String expression;
  private final int position;

  /**
   * @param message what is wrong
   * @param expression the expression's text
   * @param position the 0-based offset of the problem in {@code expression}, or -1 when unknown
   */
  public ExpressionException(String message, String expression, int position) {
    super(message);
    this.expression = expression;
    this.position = position;
  }

  /** The expression's text. */
  public String expression() {
    return expression;
  }

  /** The 0-based offset of the problem in the expression, or -1 when unknown. */
  public int position() {
    return position;
  }
}
