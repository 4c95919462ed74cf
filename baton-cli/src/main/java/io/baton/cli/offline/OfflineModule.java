package io.baton.cli.offline;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.CoordinationModule;
import io.baton.api.spi.StepContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An offline stand-in for one MPLP coordination module: a table of named operations, each a
 * deterministic function of its parameters and the step it serves. Subclasses declare their
 * operations in their constructor.
 */
abstract class OfflineModule implements CoordinationModule {
  private final String name;
  private final Map<String, Operation> operations = new LinkedHashMap<>();

  /** What one operation does. */
  @FunctionalInterface
  interface Operation {
    Object apply(Map<String, Object> parameters, StepContext context);
  }

  OfflineModule(String name) {
    this.name = name;
  }

  /**
   * Declares operation {@code operation} (in kebab case; the engine also matches camel and snake
   * case).
   */
  final void operation(String operation, Operation body) {
    operations.put(operation, body);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<String> operations() {
    return Collections.unmodifiableSet(operations.keySet());
  }

  @Override
  public final Object invoke(
      String operation, Map<String, Object> parameters, StepContext context) {
    Operation body = operations.get(operation);
    if (body == null) {
      throw new StepException(
          ErrorKind.NOT_FOUND,
          "offline module '"
              + name
              + "' has no operation '"
              + operation
              + "'; it offers "
              + operations());
    }
    return body.apply(parameters, context);
  }

  /** A result map that says it came from an offline stand-in, with {@code fields} in order. */
  static Map<String, Object> result(Object... fields) {
    Map<String, Object> out = fields(fields);
    out.put("offline", true);
    return out;
  }

  /**
   * A map of {@code keysAndValues} (key, value, key, value, …) in that order; values may be null.
   */
  static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }

  /** A parameter as a string, or {@code fallback} when it is missing. */
  static String text(Map<String, Object> parameters, String key, String fallback) {
    Object value = parameters.get(key);
    return value == null ? fallback : String.valueOf(value);
  }

  /** A parameter as a list, or an empty list when it is missing or not a list. */
  static List<?> list(Map<String, Object> parameters, String key) {
    return parameters.get(key) instanceof List<?> l ? l : List.of();
  }
}
