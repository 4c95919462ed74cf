package io.baton.engine.expression.internal;

import io.baton.api.spi.ExpressionException;
import io.baton.engine.expression.internal.JsNode.Binary;
import io.baton.engine.expression.internal.JsNode.Conditional;
import io.baton.engine.expression.internal.JsNode.Literal;
import io.baton.engine.expression.internal.JsNode.Member;
import io.baton.engine.expression.internal.JsNode.Name;
import io.baton.engine.expression.internal.JsNode.Unary;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a parsed JavaScript expression as CEL text whose evaluation follows JavaScript's rules.
 *
 * <p>Where CEL and JavaScript agree the translation is native CEL ({@code ==}, {@code !}, {@code
 * &&}); where they differ it calls the {@code _js_*} functions of {@link JsFunctions}: property
 * access (a missing property is undefined, not an error), arithmetic ({@code 7 / 2} is 3.5, {@code
 * "a" + 1} is "a1"), comparisons and truthiness. Those functions receive the operator's source
 * position so their errors point into the JavaScript.
 *
 * <p>{@code &&} and {@code ||} return an operand in JavaScript ({@code name || "anonymous"}); in a
 * value position they become {@code cel.bind(v, left, _js_truthy(v) ? right : v)}, evaluating the
 * left side once and the right side lazily. In a boolean position (a condition, under {@code !}, a
 * ternary's test) they become CEL's {@code &&}/{@code ||} over truthiness. Literals that meet other
 * typed values are wrapped in {@code dyn()}, because CEL rejects {@code 1 == 'a'} at compile time
 * while JavaScript says false.
 */
final class JsToCel {
  private static final Map<String, String> ALIAS_FIELDS =
      Map.of("result", "output", "output", "output", "status", "status", "error", "error");

  private final String source;
  private final Set<String> variables;
  private final StringBuilder out = new StringBuilder();
  private int bindings;

  private JsToCel(String source, Set<String> variables) {
    this.source = source;
    this.variables = variables;
  }

  /**
   * The CEL translation of {@code root}, parsed from {@code source}: its JavaScript value, or with
   * {@code condition} its truthiness as a CEL bool (cheaper: no {@code cel.bind} for {@code &&} and
   * {@code ||}).
   */
  static String translate(JsNode root, String source, Set<String> variables, boolean condition) {
    JsToCel writer = new JsToCel(source, variables);
    if (condition) {
      writer.bool(root);
    } else {
      writer.value(root);
    }
    return writer.out.toString();
  }

  private void value(JsNode node) {
    switch (node) {
      case Literal literal -> literal(literal.value());
      case Name name -> variable(name);
      case Member member -> member(member);
      case Unary unary when unary.operator().equals("!") -> bool(unary);
      case Unary unary -> call("_js_unary", unary.operator(), unary.position(), unary.operand());
      case Binary binary -> binary(binary);
      case Conditional c -> {
        out.append('(');
        bool(c.test());
        out.append(" ? ");
        dynValue(c.then());
        out.append(" : ");
        dynValue(c.otherwise());
        out.append(')');
      }
    }
  }

  private void binary(Binary binary) {
    String op = binary.operator();
    switch (op) {
      case "&&", "||" -> logicalValue(binary);
      case "===", "==", "!==", "!=" -> equality(binary);
      case "<", "<=", ">", ">=" ->
          call("_js_compare", op, binary.position(), binary.left(), binary.right());
      default -> call("_js_arith", op, binary.position(), binary.left(), binary.right());
    }
  }

  private void logicalValue(Binary binary) {
    String v = "__js" + bindings++;
    out.append("cel.bind(").append(v).append(", ");
    dynValue(binary.left());
    out.append(", _js_truthy(").append(v).append(") ? ");
    if (binary.operator().equals("&&")) {
      dynValue(binary.right());
      out.append(" : ").append(v).append(')');
    } else {
      out.append(v).append(" : ");
      dynValue(binary.right());
      out.append(')');
    }
  }

  private void equality(Binary binary) {
    // CEL rejects comparing two differently typed operands at compile time; one dyn side is enough
    // to defer that
    boolean bothTyped = isTyped(binary.left()) && isTyped(binary.right());
    out.append('(');
    if (bothTyped) {
      dynValue(binary.left());
    } else {
      value(binary.left());
    }
    out.append(binary.operator().startsWith("!") ? " != " : " == ");
    if (bothTyped) {
      dynValue(binary.right());
    } else {
      value(binary.right());
    }
    out.append(')');
  }

  private static boolean isTyped(JsNode node) {
    return node instanceof Literal || isBoolean(node);
  }

  private void bool(JsNode node) {
    switch (node) {
      case Unary unary when unary.operator().equals("!") -> {
        out.append("!(");
        bool(unary.operand());
        out.append(')');
      }
      case Binary b when b.operator().equals("&&") || b.operator().equals("||") -> {
        out.append('(');
        bool(b.left());
        out.append(b.operator().equals("&&") ? " && " : " || ");
        bool(b.right());
        out.append(')');
      }
      case Conditional c -> {
        out.append('(');
        bool(c.test());
        out.append(" ? ");
        bool(c.then());
        out.append(" : ");
        bool(c.otherwise());
        out.append(')');
      }
      default -> {
        if (isBoolean(node)) {
          value(node);
        } else {
          out.append("_js_truthy(");
          value(node);
          out.append(')');
        }
      }
    }
  }

  /** Whether CEL types the translation of {@code node} as bool. */
  private static boolean isBoolean(JsNode node) {
    return switch (node) {
      case Literal literal -> literal.value() instanceof Boolean;
      case Unary unary -> unary.operator().equals("!");
      case Binary b -> !Set.of("+", "-", "*", "/", "%", "&&", "||").contains(b.operator());
      default -> false;
    };
  }

  /** Writes {@code node} so that CEL types it {@code dyn}, whatever it is. */
  private void dynValue(JsNode node) {
    boolean typed = isTyped(node);
    if (typed) {
      out.append("dyn(");
    }
    value(node);
    if (typed) {
      out.append(')');
    }
  }

  private void call(String function, String operator, int position, JsNode... operands) {
    out.append(function).append("(\"").append(operator).append('"');
    for (JsNode operand : operands) {
      out.append(", ");
      value(operand);
    }
    out.append(", ").append(position).append(')');
  }

  private void variable(Name name) {
    if (!variables.contains(name.name())) {
      throw unknownVariable(name);
    }
    out.append(name.name());
  }

  private void member(Member member) {
    if (member.object() instanceof Name root
        && !variables.contains(root.name())
        && member.property() instanceof Literal(String field, int fieldPosition)
        && ALIAS_FIELDS.containsKey(field)) {
      // the seeds' step alias: plan.result.x reads steps.plan.output.x
      out.append("_js_get(_js_get(steps, ");
      literal(root.name());
      out.append(", ").append(root.position()).append("), ");
      literal(ALIAS_FIELDS.get(field));
      out.append(", ").append(fieldPosition).append(')');
      return;
    }
    out.append("_js_get(");
    value(member.object());
    out.append(", ");
    value(member.property());
    out.append(", ").append(member.position()).append(')');
  }

  private void literal(Object value) {
    switch (value) {
      case null -> out.append("null");
      case String s -> CelLiterals.appendString(out, s);
      case Double d when d.isInfinite() || d.isNaN() ->
          out.append("double(\"").append(d).append("\")");
      default -> out.append(value);
    }
  }

  private ExpressionException unknownVariable(Name name) {
    return JsSyntaxErrors.syntax(
        "unknown variable '"
            + name.name()
            + "'; the variables are "
            + new TreeSet<>(variables)
            + ", and a step's result is <id>.result or steps.<id>.output",
        source,
        name.position());
  }
}
