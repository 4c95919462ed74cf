package io.baton.engine.planner;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A step as templates and expressions read it — {@code output}, {@code status}, {@code attempt},
 * {@code error} — as an immutable map of those four fields. One small object instead of a hash map
 * with its table and entries: expressions read steps on every decision.
 */
final class StepFields extends AbstractMap<String, Object> {
  private final Object output;
  private final String status;
  private final Integer attempt;
  private final Map<String, Object> error;

  StepFields(Object output, String status, int attempt, Map<String, Object> error) {
    this.output = output;
    this.status = status;
    this.attempt = attempt;
    this.error = error;
  }

  @Override
  public Object get(Object key) {
    if (!(key instanceof String name)) {
      return null;
    }
    return switch (name) {
      case "output" -> output;
      case "status" -> status;
      case "attempt" -> attempt;
      case "error" -> error;
      default -> null;
    };
  }

  @Override
  public boolean containsKey(Object key) {
    return "output".equals(key)
        || "status".equals(key)
        || "attempt".equals(key)
        || "error".equals(key);
  }

  @Override
  public int size() {
    return 4;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    Map<String, Object> all = new LinkedHashMap<>(8);
    all.put("output", output);
    all.put("status", status);
    all.put("attempt", attempt);
    all.put("error", error);
    return java.util.Collections.unmodifiableMap(all).entrySet();
  }
}
