package io.baton.engine.expression.internal;

import io.baton.api.spi.ExpressionException;

/**
 * The text of one placeholder and where it sits, to position errors in the string the author wrote.
 *
 * @param content the text between {@code ${} and {@code }}
 * @param start the offset of {@code content} in the site's text
 * @param site the string holding the placeholder
 */
record PlaceholderText(String content, int start, TemplateSite site) {

  /**
   * An error about this placeholder at {@code position} (an offset in {@code content}, or -1 for
   * its start).
   */
  ExpressionException error(String detail, int position) {
    return new ExpressionException(
        "in ${" + content + "}: " + detail + site.suffix(),
        site.text(),
        start + Math.max(0, position));
  }
}
