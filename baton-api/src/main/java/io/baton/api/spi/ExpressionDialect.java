package io.baton.api.spi;

import java.util.Map;

/**
 * A language for conditions and computed values. CEL is built in; the JavaScript-style conditions
 * of imported MPLP workflows use the {@code javascript} dialect. Further dialects register through
 * this SPI.
 */
public interface ExpressionDialect {

  /** The dialect's name ({@code cel}, {@code javascript}). */
  String name();

  /**
   * Parses and checks {@code source}.
   *
   * @throws ExpressionException with the position of the error inside {@code source}
   */
  Compiled compile(String source);

  /** A compiled expression, safe to evaluate concurrently. */
  interface Compiled {
    /**
     * Evaluates against {@code variables} ({@code inputs}, {@code steps}, {@code vars}, {@code
     * item}, …).
     *
     * @throws ExpressionException when evaluation fails (missing field, wrong type, …)
     */
    Object evaluate(Map<String, Object> variables);
  }
}
