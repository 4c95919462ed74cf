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
 * @param content the text between {@code ${} and {@code }}
 * @param contentStart the offset of {@code content} in the site's text
 * @param site where the placeholder is
 * @param references the steps it reads
 */
record ExpressionPlaceholder(
    ExpressionDialect.Compiled compiled,
    String content,
    int contentStart,
    TemplateSite site,
    List<Reference> references)
    implements Placeholder {

  @Override
  public Object evaluate(Map<String, Object> variables) {
    try {
      return compiled.evaluate(variables);
    } catch (ExpressionException e) {
      throw relocate(e, content, contentStart, site);
    }
  }

  /** {@code e}, raised inside a placeholder's content, repositioned in the site's text. */
  static ExpressionException relocate(
      ExpressionException e, String content, int contentStart, TemplateSite site) {
    int position = contentStart + Math.max(0, e.position());
    return new ExpressionException(
        "in ${" + content + "}: " + e.getMessage() + site.suffix(), site.text(), position);
  }
}
