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
    try {
      return json(value);
    } catch (NotJson e) {
      throw new StepException(
          ErrorKind.BAD_OUTPUT,
          "the step returned "
              + e.what
              + " at $"
              + e.where
              + "; return maps, lists, strings, numbers, booleans, null, or records of them");
    }
  }

  private static Object json(Object value) {
    return switch (value) {
      case null -> null;
      case io.baton.api.run.StoredValue v -> v; // its content is JSON already, and loads on demand
      case String s -> s;
      case Boolean b -> b;
      case Integer i -> i.longValue();
      case Long l -> l;
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case Double d -> finite(d);
      case Float f -> finite(f.doubleValue());
      case BigDecimal d -> d;
      case BigInteger i -> i;
      case Character c -> String.valueOf(c);
      case Enum<?> e -> e.name();
      case Map<?, ?> m -> map(m);
      case Collection<?> c -> list(c);
      case Object[] a -> list(List.of(a));
      default -> convert(value);
    };
  }

  private static Object finite(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new NotJson("the number " + d + ", which JSON cannot hold");
    }
    return d;
  }

  private static Map<String, Object> map(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new NotJson("a map key of type " + typeOf(e.getKey()) + "; JSON keys are strings");
      }
      try {
        out.put(key, json(e.getValue()));
      } catch (NotJson inside) {
        throw inside.under("." + key);
      }
    }
    return out;
  }

  private static List<Object> list(Collection<?> c) {
    List<Object> out = new ArrayList<>(c.size());
    int i = 0;
    for (Object item : c) {
      try {
        out.add(json(item));
      } catch (NotJson inside) {
        throw inside.under("[" + i + "]");
      }
      i++;
    }
    return out;
  }

  private static Object convert(Object value) {
    if (value instanceof Thread
        || value instanceof java.io.Closeable
        || value instanceof Runnable) {
      throw new NotJson("a " + typeOf(value));
    }
    Object converted;
    try {
      converted = MAPPER.convertValue(value, Object.class);
    } catch (RuntimeException e) {
      throw new NotJson(
          "a " + typeOf(value) + " that cannot be converted to JSON (" + e.getMessage() + ")");
    }
    return json(converted);
  }

  /**
   * What is not JSON, and where: the path is put together only on the way out of a value that
   * failed, since building it for every entry of every value cost more than the copy itself.
   */
  private static final class NotJson extends RuntimeException {
    private final String what;
    private String where = "";

    NotJson(String what) {
      super(what, null, false, false);
      this.what = what;
    }

    NotJson under(String segment) {
      where = segment + where;
      return this;
    }
  }

  private static String typeOf(Object o) {
    return o == null ? "null" : o.getClass().getName();
  }
}
