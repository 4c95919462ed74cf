package io.baton.engine.expression.internal;

/**
 * Where a templated string sits, for messages.
 *
 * @param text the whole string the placeholder is in
 * @param pointer the JSON pointer of the string inside the template value ({@code /input/query}),
 *     or "" at the root
 */
record TemplateSite(String text, String pointer) {
  String suffix() {
    return pointer.isEmpty() ? "" : " (at " + pointer + ")";
  }
}
