package io.baton.engine.executor;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes what a handler returned into a JSON value (maps, lists, strings, numbers, booleans, null),
 * the only kind of value a journal can keep. Records and beans are converted; anything else is a
 * clear error on the step.
 */
public final class JsonValues {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonValues() {}

  /**
   * {@code value} as JSON.
   *
   * @throws StepException of kind {@code bad_output} naming what could not be converted, and where
   */
  public static Object normalize(Object value) {
    return normalize(value, "$");
  }

  private static Object normalize(Object value, String where) {
    return switch (value) {
      case null -> null;
      case io.baton.api.run.StoredValue v -> v; // its content is JSON already, and loads on demand
      case String s -> s;
      case Boolean b -> b;
      case Integer i -> i.longValue();
      case Long l -> l;
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case Double d -> finite(d, where);
      case Float f -> finite(f.doubleValue(), where);
      case BigDecimal d -> d;
      case BigInteger i -> i;
      case Character c -> String.valueOf(c);
      case Enum<?> e -> e.name();
      case Map<?, ?> m -> map(m, where);
      case Collection<?> c -> list(c, where);
      case Object[] a -> list(List.of(a), where);
      default -> convert(value, where);
    };
  }

  private static Object finite(double d, String where) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw bad(where, "the number " + d + ", which JSON cannot hold");
    }
    return d;
  }

  private static Map<String, Object> map(Map<?, ?> m, String where) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw bad(where, "a map key of type " + typeOf(e.getKey()) + "; JSON keys are strings");
      }
      out.put(key, normalize(e.getValue(), where + "." + key));
    }
    return out;
  }

  private static List<Object> list(Collection<?> c, String where) {
    List<Object> out = new ArrayList<>(c.size());
    int i = 0;
    for (Object item : c) {
      out.add(normalize(item, where + "[" + i++ + "]"));
    }
    return out;
  }

  private static Object convert(Object value, String where) {
    if (value instanceof Thread
        || value instanceof java.io.Closeable
        || value instanceof Runnable) {
      throw bad(where, "a " + typeOf(value));
    }
    try {
      return normalize(MAPPER.convertValue(value, Object.class), where);
    } catch (RuntimeException e) {
      throw bad(
          where,
          "a " + typeOf(value) + " that cannot be converted to JSON (" + e.getMessage() + ")");
    }
  }

  private static StepException bad(String where, String what) {
    return new StepException(
        ErrorKind.BAD_OUTPUT,
        "the step returned "
            + what
            + " at "
            + where
            + "; return maps, lists, strings, numbers, booleans, null, or records of them");
  }

  private static String typeOf(Object o) {
    return o == null ? "null" : o.getClass().getName();
  }
}
