package io.baton.engine.expression.internal;

import io.baton.api.spi.ExpressionDialect;
import io.baton.api.spi.ExpressionException;
import io.baton.engine.expression.Reference;
import java.util.List;
import java.util.Map;

/**
 * A placeholder holding a CEL expression.
 *
 * @param compiled the compiled expression
 * @param text the placeholder's text and location
 * @param references the steps it reads
 */
record ExpressionPlaceholder(
    ExpressionDialect.Compiled compiled, PlaceholderText text, List<Reference> references)
    implements Placeholder {

  @Override
  public Object evaluate(Map<String, Object> variables) {
    try {
      return compiled.evaluate(variables);
    } catch (ExpressionException e) {
      throw text.error(e.getMessage(), e.position());
    }
  }
}
