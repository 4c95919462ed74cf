package io.baton.engine.expression.internal;

import io.baton.engine.expression.internal.JsToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a JavaScript expression into tokens; recognises more operators than the subset, to reject
 * them by name.
 */
final class JsLexer {
  private static final String[] PUNCTUATORS = {
    ">>>=", "===", "!==", "**=", "...", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=",
    "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
    "**", "<<", ">>", "+", "-", "*", "/", "%", "<", ">", "=", "!", "?", ":", ".", ",", ";", "(",
    ")", "[", "]", "{", "}", "&", "|", "^", "~"
  };

  private final String source;
  private int index;

  private JsLexer(String source) {
    this.source = source;
  }

  static List<JsToken> tokenize(String source) {
    JsLexer lexer = new JsLexer(source);
    List<JsToken> tokens = new ArrayList<>();
    JsToken token;
    do {
      token = lexer.next();
      tokens.add(token);
    } while (token.kind() != Kind.END);
    return tokens;
  }

  private JsToken next() {
    while (index < source.length() && Character.isWhitespace(source.charAt(index))) {
      index++;
    }
    if (index >= source.length()) {
      return new JsToken(Kind.END, "", null, source.length());
    }
    char c = source.charAt(index);
    if (c == '\'' || c == '"') {
      return string(c);
    }
    if (Character.isDigit(c) || (c == '.' && isDigitAt(index + 1))) {
      return number();
    }
    if (Character.isJavaIdentifierStart(c)) {
      return name();
    }
    if (c == '`') {
      throw JsSyntaxErrors.unsupported("a template literal (`…`)", source, index);
    }
    return punctuator(c);
  }

  private boolean isDigitAt(int i) {
    return i < source.length() && Character.isDigit(source.charAt(i));
  }

  private JsToken name() {
    int start = index;
    while (index < source.length() && Character.isJavaIdentifierPart(source.charAt(index))) {
      index++;
    }
    String text = source.substring(start, index);
    return new JsToken(Kind.NAME, text, null, start);
  }

  private JsToken number() {
    int start = index;
    if (source.length() > index + 1
        && source.charAt(index) == '0'
        && "xXoObB".indexOf(source.charAt(index + 1)) >= 0) {
      throw JsSyntaxErrors.unsupported(
          "a hexadecimal, octal or binary number literal", source, start);
    }
    skipDigits();
    boolean decimal = false;
    if (index < source.length() && source.charAt(index) == '.') {
      decimal = true;
      index++;
      skipDigits();
    }
    if (index < source.length() && (source.charAt(index) == 'e' || source.charAt(index) == 'E')) {
      decimal = true;
      exponent();
    }
    if (index < source.length() && Character.isJavaIdentifierStart(source.charAt(index))) {
      throw JsSyntaxErrors.syntax("a name cannot start right after a number", source, index);
    }
    String text = source.substring(start, index);
    return new JsToken(Kind.NUMBER, text, numberValue(text, decimal), start);
  }

  private void exponent() {
    index++;
    if (index < source.length() && (source.charAt(index) == '+' || source.charAt(index) == '-')) {
      index++;
    }
    if (!isDigitAt(index)) {
      throw JsSyntaxErrors.syntax("malformed number exponent", source, index);
    }
    skipDigits();
  }

  private void skipDigits() {
    while (isDigitAt(index)) {
      index++;
    }
  }

  private static Object numberValue(String text, boolean decimal) {
    if (!decimal) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException tooLarge) {
        // JavaScript numbers are doubles: a literal beyond the long range is still a number
      }
    }
    return Double.parseDouble(text);
  }

  private JsToken string(char quote) {
    int start = index++;
    StringBuilder value = new StringBuilder();
    while (index < source.length()) {
      char c = source.charAt(index++);
      if (c == quote) {
        return new JsToken(Kind.STRING, source.substring(start, index), value.toString(), start);
      }
      if (c == '\n' || c == '\r') {
        break;
      }
      if (c == '\\') {
        escape(value);
      } else {
        value.append(c);
      }
    }
    throw JsSyntaxErrors.syntax("unterminated string literal", source, start);
  }

  private void escape(StringBuilder value) {
    if (index >= source.length()) {
      return; // the caller reports the unterminated string
    }
    int at = index - 1;
    char c = source.charAt(index++);
    switch (c) {
      case 'n' -> value.append('\n');
      case 't' -> value.append('\t');
      case 'r' -> value.append('\r');
      case 'b' -> value.append('\b');
      case 'f' -> value.append('\f');
      case 'v' -> value.append('\u000B');
      case '0' -> value.append('\0');
      case 'x' -> value.append((char) hex(2, at));
      case 'u' -> value.appendCodePoint(unicodeEscape(at));
      case '\r', '\n' -> {} // a line continuation adds nothing
      default -> value.append(c);
    }
  }

  private int unicodeEscape(int at) {
    if (index < source.length() && source.charAt(index) == '{') {
      int close = source.indexOf('}', index);
      if (close < 0) {
        throw JsSyntaxErrors.syntax("malformed \\u{…} escape", source, at);
      }
      int digits = close - index - 1;
      index++;
      int codePoint = hex(digits, at);
      index = close + 1;
      return codePoint;
    }
    return hex(4, at);
  }

  private int hex(int digits, int at) {
    if (digits < 1 || index + digits > source.length()) {
      throw JsSyntaxErrors.syntax("malformed escape sequence", source, at);
    }
    try {
      int value = Integer.parseInt(source.substring(index, index + digits), 16);
      index += digits;
      return value;
    } catch (NumberFormatException e) {
      throw JsSyntaxErrors.syntax("malformed escape sequence", source, at);
    }
  }

  private JsToken punctuator(char c) {
    for (String p : PUNCTUATORS) {
      if (source.startsWith(p, index) && !(p.equals("?.") && isDigitAt(index + 2))) {
        int start = index;
        index += p.length();
        return new JsToken(Kind.PUNCTUATOR, p, null, start);
      }
    }
    throw JsSyntaxErrors.syntax("unexpected character '" + c + "'", source, index);
  }
}
