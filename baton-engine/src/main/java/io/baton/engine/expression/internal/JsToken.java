package io.baton.engine.expression.internal;

/**
 * A token of the JavaScript subset.
 *
 * @param kind what it is
 * @param text the operator, name or raw literal text
 * @param value the literal's value (Long, Double or String) for numbers and strings, else null
 * @param position its 0-based offset in the source
 */
record JsToken(Kind kind, String text, Object value, int position) {
  enum Kind {
    NUMBER,
    STRING,
    NAME,
    PUNCTUATOR,
    END
  }

  boolean is(String punctuatorOrName) {
    return (kind == Kind.PUNCTUATOR || kind == Kind.NAME) && text.equals(punctuatorOrName);
  }

  String describe() {
    return kind == Kind.END ? "end of expression" : "'" + text + "'";
  }
}
