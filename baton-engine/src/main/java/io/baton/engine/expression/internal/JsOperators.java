package io.baton.engine.expression.internal;

import dev.cel.common.values.NullValue;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JavaScript's semantics for the operators where CEL's differ, on CEL runtime values ({@code Long},
 * {@code Double}, {@code String}, {@code Boolean}, {@link NullValue} for both null and undefined,
 * maps and lists).
 *
 * <p>Deliberate departures from JavaScript, in favour of loud errors over silent coercions:
 * arithmetic on anything but numbers (and strings for {@code +}) is an error, and so is comparing a
 * number with a string; comparing with null or undefined is false.
 */
final class JsOperators {
  private static final NullValue UNDEFINED = NullValue.NULL_VALUE;

  private JsOperators() {}

  static Object get(Object target, Object key, long position) {
    return switch (target) {
      case NullValue n ->
          throw new JsEvaluationError(
              "cannot read property '" + propertyName(key) + "' of null or undefined", position);
      case Map<?, ?> map -> {
        String name = propertyName(key);
        Object value = map.containsKey(name) ? map.get(name) : null;
        yield value == null ? UNDEFINED : value;
      }
      case List<?> list -> element(list, key);
      case String s -> character(s, key);
      default -> UNDEFINED;
    };
  }

  private static Object element(List<?> list, Object key) {
    if ("length".equals(key)) {
      return (long) list.size();
    }
    int index = index(key);
    return index >= 0 && index < list.size() ? list.get(index) : UNDEFINED;
  }

  private static Object character(String s, Object key) {
    if ("length".equals(key)) {
      return (long) s.length();
    }
    int index = index(key);
    return index >= 0 && index < s.length() ? String.valueOf(s.charAt(index)) : UNDEFINED;
  }

  private static int index(Object key) {
    return switch (key) {
      case Long l when l >= 0 && l <= Integer.MAX_VALUE -> l.intValue();
      case Double d when d >= 0 && d <= Integer.MAX_VALUE && d == Math.floor(d) -> d.intValue();
      case String s
          when !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit) ->
          Integer.parseInt(s);
      default -> -1;
    };
  }

  private static String propertyName(Object key) {
    return key instanceof String s ? s : text(key);
  }

  /** JavaScript truthiness: false for false, 0, NaN, "", null and undefined. */
  static boolean truthy(Object value) {
    return switch (value) {
      case null -> false;
      case NullValue n -> false;
      case Boolean b -> b;
      case Long l -> l != 0;
      case Double d -> d != 0 && !d.isNaN();
      case String s -> !s.isEmpty();
      default -> true;
    };
  }

  static Object unary(String operator, Object operand, long position) {
    if (operand instanceof Long l) {
      return operator.equals("-") ? (l == Long.MIN_VALUE ? -l.doubleValue() : (Object) (-l)) : l;
    }
    if (operand instanceof Double d) {
      return operator.equals("-") ? -d : d;
    }
    throw new JsEvaluationError(
        "unary '" + operator + "' needs a number, got " + typeName(operand), position);
  }

  static Object arithmetic(String operator, Object left, Object right, long position) {
    if (operator.equals("+") && (left instanceof String || right instanceof String)) {
      return text(left) + text(right);
    }
    if (!(left instanceof Long || left instanceof Double)
        || !(right instanceof Long || right instanceof Double)) {
      String needs = operator.equals("+") ? "numbers or strings" : "numbers";
      throw new JsEvaluationError(
          "'"
              + operator
              + "' needs "
              + needs
              + ", got "
              + typeName(left)
              + " and "
              + typeName(right),
          position);
    }
    if (left instanceof Long a && right instanceof Long b) {
      Object exact = exactArithmetic(operator, a, b);
      if (exact != null) {
        return exact;
      }
    }
    return doubleArithmetic(
        operator, ((Number) left).doubleValue(), ((Number) right).doubleValue());
  }

  /**
   * Integer arithmetic when its result is exact, else null (the caller then uses doubles, as
   * JavaScript does).
   */
  private static Object exactArithmetic(String operator, long a, long b) {
    try {
      return switch (operator) {
        case "+" -> Math.addExact(a, b);
        case "-" -> Math.subtractExact(a, b);
        case "*" -> Math.multiplyExact(a, b);
        case "/" ->
            b != 0 && a % b == 0 && !(a == Long.MIN_VALUE && b == -1) ? (Object) (a / b) : null;
        case "%" -> b != 0 ? (Object) (a % b) : null;
        default -> null;
      };
    } catch (ArithmeticException overflow) {
      return null;
    }
  }

  private static Object doubleArithmetic(String operator, double a, double b) {
    return switch (operator) {
      case "+" -> a + b;
      case "-" -> a - b;
      case "*" -> a * b;
      case "/" -> a / b;
      case "%" -> a % b;
      default -> throw new IllegalArgumentException(operator);
    };
  }

  static boolean compare(String operator, Object left, Object right, long position) {
    int order;
    if (left instanceof NullValue || right instanceof NullValue) {
      return false;
    } else if (left instanceof Long a && right instanceof Long b) {
      order = Long.compare(a, b);
    } else if (left instanceof Number a && right instanceof Number b) {
      double x = a.doubleValue();
      double y = b.doubleValue();
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return false;
      }
      order = Double.compare(x, y);
    } else if (left instanceof String a && right instanceof String b) {
      order = a.compareTo(b);
    } else {
      throw new JsEvaluationError(
          "'"
              + operator
              + "' compares two numbers or two strings, got "
              + typeName(left)
              + " and "
              + typeName(right),
          position);
    }
    return switch (operator) {
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  /** JavaScript's String(value). */
  static String text(Object value) {
    return switch (value) {
      case null -> "null";
      case NullValue n -> "null";
      case String s -> s;
      case Double d when d == Math.rint(d) && Math.abs(d) < 1e21 -> String.valueOf(d.longValue());
      case Double d when d.isInfinite() -> d > 0 ? "Infinity" : "-Infinity";
      case List<?> list ->
          list.stream()
              .map(e -> e instanceof NullValue ? "" : text(e))
              .collect(Collectors.joining(","));
      case Map<?, ?> map -> "[object Object]";
      default -> String.valueOf(value);
    };
  }

  private static String typeName(Object value) {
    return switch (value) {
      case null -> "undefined";
      case NullValue n -> "null or undefined";
      case Long l -> "number " + l;
      case Double d -> "number " + text(d);
      case String s -> "string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
      case Boolean b -> "boolean " + b;
      case List<?> l -> "an array";
      case Map<?, ?> m -> "an object";
      default -> value.getClass().getSimpleName();
    };
  }
}
