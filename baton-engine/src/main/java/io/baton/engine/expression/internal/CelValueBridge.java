package io.baton.engine.expression.internal;

import dev.cel.common.types.CelType;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * Converts between the engine's JSON-like Java values and the values CEL's runtime works with.
 *
 * <p>Into CEL: CEL has a single integer type ({@code Long}) and a single floating type ({@code
 * Double}), and reads a Java {@code null} as "unknown", so integers widen to {@code Long}, {@code
 * BigDecimal} and {@code Float} become {@code Double} and {@code null} becomes CEL's null. Maps and
 * lists are wrapped in views that convert on access. Other collections are read as lists, enums by
 * name, and any other object by its {@code toString()}.
 *
 * <p>Out of CEL: results are plain Java — {@code Long}, {@code Double}, {@code String}, {@code
 * Boolean}, unmodifiable {@code List} and {@code Map} (insertion-ordered), {@code null} — so no CEL
 * or protobuf type leaks to callers. CEL's richer values follow the protobuf JSON mapping: bytes as
 * base64, timestamps as RFC 3339 text, durations as seconds with an {@code s} suffix, unsigned
 * integers as {@code Long} (or {@code Double} beyond its range).
 */
public final class CelValueBridge {
  private CelValueBridge() {}

  /**
   * Converts a JSON-like value for CEL; maps and lists become views bound to {@code scope} (may be
   * null).
   */
  public static Object toCel(Object value, EvaluationScope scope) {
    return switch (value) {
      case null -> NullValue.NULL_VALUE;
      case String s -> s;
      case Long l -> l;
      case Boolean b -> b;
      case Double d -> d;
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case Float f -> f.doubleValue();
      case BigDecimal d -> d.doubleValue();
      case BigInteger i -> i.bitLength() < 64 ? (Object) i.longValue() : (Object) i.doubleValue();
      case LazyCelMap m -> m;
      case LazyCelList l -> l;
      case Map<?, ?> m -> new LazyCelMap(m, scope);
      case List<?> l when l instanceof RandomAccess -> new LazyCelList(l, scope);
      case Collection<?> c -> new LazyCelList(new ArrayList<>(c), scope);
      case NullValue n -> n;
      case Enum<?> e -> e.name();
      default -> value.toString();
    };
  }

  /** Converts a CEL result to a plain Java value. */
  public static Object toJava(Object value) {
    return switch (value) {
      case null -> null;
      case NullValue n -> null;
      case String s -> s;
      case Long l -> l;
      case Boolean b -> b;
      case Double d -> d;
      case Map<?, ?> m -> toJavaMap(m);
      case List<?> l -> toJavaList(l);
      case Integer i -> i.longValue();
      case Number n -> numberToJava(n);
      case Optional<?> o -> o.map(CelValueBridge::toJava).orElse(null);
      case CelByteString b -> Base64.getEncoder().encodeToString(b.toByteArray());
      case Instant i -> i.toString();
      case Duration d -> durationText(d);
      case CelType t -> typeName(t);
      default -> value.toString();
    };
  }

  private static Object numberToJava(Number n) {
    if (n instanceof BigInteger i) {
      return i.bitLength() < 64 ? (Object) i.longValue() : (Object) i.doubleValue();
    }
    if (n instanceof Short || n instanceof Byte) {
      return n.longValue();
    }
    if (n instanceof Float || n instanceof BigDecimal) {
      return n.doubleValue();
    }
    // CEL's uint (Guava's UnsignedLong) and other integral types print as plain digits
    try {
      return numberToJava(new BigInteger(n.toString()));
    } catch (NumberFormatException notIntegral) {
      return n.doubleValue();
    }
  }

  private static Map<String, Object> toJavaMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    map.forEach((k, v) -> copy.put(String.valueOf(toJava(k)), toJava(v)));
    return Collections.unmodifiableMap(copy);
  }

  private static List<Object> toJavaList(List<?> list) {
    List<Object> copy = new ArrayList<>(list.size());
    list.forEach(e -> copy.add(toJava(e)));
    return Collections.unmodifiableList(copy);
  }

  private static String typeName(CelType type) {
    // type(x) evaluates to the type "type" parameterised by x's type; callers want x's type
    return type.name().equals("type") && !type.parameters().isEmpty()
        ? type.parameters().getFirst().name()
        : type.name();
  }

  private static String durationText(Duration d) {
    BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    return seconds.stripTrailingZeros().toPlainString() + "s";
  }
}
