package io.baton.engine.expression.internal;

import io.baton.api.spi.ExpressionException;
import io.baton.engine.expression.internal.JsNode.Binary;
import io.baton.engine.expression.internal.JsNode.Conditional;
import io.baton.engine.expression.internal.JsNode.Literal;
import io.baton.engine.expression.internal.JsNode.Member;
import io.baton.engine.expression.internal.JsNode.Name;
import io.baton.engine.expression.internal.JsNode.Unary;
import io.baton.engine.expression.internal.JsToken.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser for the JavaScript expression subset, with JavaScript's operator
 * precedence. Tokens outside the subset are rejected by name ("a function call is not supported …")
 * rather than as syntax errors, so authors learn that the construct exists but needs the full
 * JavaScript dialect.
 */
final class JsParser {
  private static final Map<String, String> UNSUPPORTED =
      Map.ofEntries(
          Map.entry("(", "a function call"),
          Map.entry("=>", "an arrow function"),
          Map.entry("++", "the increment operator '++'"),
          Map.entry("--", "the decrement operator '--'"),
          Map.entry(",", "the comma operator"),
          Map.entry(";", "a statement separator ';'"),
          Map.entry("??", "the nullish coalescing operator '??'"),
          Map.entry("?.", "optional chaining '?.'"),
          Map.entry("**", "the exponent operator '**'"),
          Map.entry("...", "spread syntax '...'"),
          Map.entry("in", "the 'in' operator"),
          Map.entry("instanceof", "the 'instanceof' operator"));
  private static final Set<String> ASSIGNMENTS =
      Set.of(
          "=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=", "&&=",
          "||=", "??=");
  private static final Set<String> BITWISE = Set.of("&", "|", "^", "~", "<<", ">>", ">>>");
  private static final Set<String> KEYWORDS =
      Set.of(
          "typeof",
          "void",
          "delete",
          "new",
          "function",
          "class",
          "this",
          "super",
          "var",
          "let",
          "const",
          "return",
          "if",
          "else",
          "for",
          "while",
          "do",
          "switch",
          "throw",
          "try",
          "await",
          "yield",
          "async",
          "import",
          "export");
  private static final Set<String> EQUALITY = Set.of("===", "!==", "==", "!=");
  private static final Set<String> RELATIONAL = Set.of("<", "<=", ">", ">=");

  private final String source;
  private final List<JsToken> tokens;
  private int next;

  private JsParser(String source) {
    this.source = source;
    this.tokens = JsLexer.tokenize(source);
  }

  /** Parses a whole expression. */
  static JsNode parse(String source) {
    JsParser parser = new JsParser(source);
    if (parser.peek().kind() == Kind.END) {
      throw JsSyntaxErrors.syntax("empty expression", source, 0);
    }
    JsNode node = parser.conditional();
    if (parser.peek().kind() != Kind.END) {
      throw parser.unexpected(parser.peek(), "an operator or the end of the expression");
    }
    return node;
  }

  private JsNode conditional() {
    JsNode test = binary(0);
    if (!peek().is("?")) {
      return test;
    }
    int position = advance().position();
    JsNode then = conditional();
    expect(":");
    return new Conditional(test, then, conditional(), position);
  }

  private static final List<Set<String>> LEVELS =
      List.of(
          Set.of("||"),
          Set.of("&&"),
          EQUALITY,
          RELATIONAL,
          Set.of("+", "-"),
          Set.of("*", "/", "%"));

  private JsNode binary(int level) {
    if (level == LEVELS.size()) {
      return unary();
    }
    JsNode left = binary(level + 1);
    while (peek().kind() == Kind.PUNCTUATOR && LEVELS.get(level).contains(peek().text())) {
      JsToken operator = advance();
      left = new Binary(operator.text(), left, binary(level + 1), operator.position());
    }
    return left;
  }

  private JsNode unary() {
    JsToken token = peek();
    if (token.is("!") || token.is("-") || token.is("+")) {
      advance();
      return new Unary(token.text(), unary(), token.position());
    }
    return postfix(primary());
  }

  private JsNode postfix(JsNode node) {
    while (true) {
      JsToken token = peek();
      if (token.is(".")) {
        advance();
        JsToken name = advance();
        if (name.kind() != Kind.NAME) {
          throw JsSyntaxErrors.syntax(
              "expected a property name after '.'", source, name.position());
        }
        node = new Member(node, new Literal(name.text(), name.position()), name.position());
      } else if (token.is("[")) {
        advance();
        JsNode property = conditional();
        expect("]");
        node = new Member(node, property, token.position());
      } else {
        return node;
      }
    }
  }

  private JsNode primary() {
    JsToken token = advance();
    return switch (token.kind()) {
      case NUMBER, STRING -> new Literal(token.value(), token.position());
      case NAME -> name(token);
      case PUNCTUATOR -> parenthesised(token);
      case END ->
          throw JsSyntaxErrors.syntax(
              "unexpected end of expression, expected an operand", source, token.position());
    };
  }

  private JsNode name(JsToken token) {
    return switch (token.text()) {
      case "true" -> new Literal(Boolean.TRUE, token.position());
      case "false" -> new Literal(Boolean.FALSE, token.position());
      case "null", "undefined" -> new Literal(null, token.position());
      default -> {
        if (KEYWORDS.contains(token.text()) || UNSUPPORTED.containsKey(token.text())) {
          throw unexpected(token, "an operand");
        }
        yield new Name(token.text(), token.position());
      }
    };
  }

  private JsNode parenthesised(JsToken token) {
    if (token.is("(")) {
      if (peek().is(")") && tokens.get(next + 1).is("=>")) {
        throw JsSyntaxErrors.unsupported(
            "an arrow function", source, tokens.get(next + 1).position());
      }
      JsNode inner = conditional();
      expect(")");
      return inner;
    }
    throw switch (token.text()) {
      case "{" -> JsSyntaxErrors.unsupported("an object literal", source, token.position());
      case "[" -> JsSyntaxErrors.unsupported("an array literal", source, token.position());
      case "/" ->
          JsSyntaxErrors.unsupported("a regular expression literal", source, token.position());
      default -> unexpected(token, "an operand");
    };
  }

  private ExpressionException unexpected(JsToken token, String expected) {
    String text = token.text();
    int at = token.position();
    if (token.kind() == Kind.PUNCTUATOR || token.kind() == Kind.NAME) {
      if (UNSUPPORTED.containsKey(text)) {
        return JsSyntaxErrors.unsupported(UNSUPPORTED.get(text), source, at);
      }
      if (ASSIGNMENTS.contains(text)) {
        return JsSyntaxErrors.unsupported("an assignment ('" + text + "')", source, at);
      }
      if (BITWISE.contains(text)) {
        return JsSyntaxErrors.unsupported("the bitwise operator '" + text + "'", source, at);
      }
      if (KEYWORDS.contains(text)) {
        return JsSyntaxErrors.unsupported("the keyword '" + text + "'", source, at);
      }
    }
    return JsSyntaxErrors.syntax(
        "unexpected " + token.describe() + ", expected " + expected, source, at);
  }

  private void expect(String punctuator) {
    JsToken token = peek();
    if (!token.is(punctuator)) {
      throw unexpected(token, "'" + punctuator + "'");
    }
    advance();
  }

  private JsToken peek() {
    return tokens.get(next);
  }

  private JsToken advance() {
    JsToken token = tokens.get(next);
    if (token.kind() != Kind.END) {
      next++;
    }
    return token;
  }
}
