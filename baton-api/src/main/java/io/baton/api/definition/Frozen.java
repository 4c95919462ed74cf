package io.baton.api.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive, order-keeping, null-tolerant copies for the definition records (JSON maps may hold
 * nulls).
 */
final class Frozen {
  private Frozen() {}

  static Map<String, Object> map(Map<String, Object> map) {
    return map == null || map.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
