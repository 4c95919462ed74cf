package io.baton.engine.planner;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The usage of a step: the sums of the numbers in the {@code usage} objects of the progress its
 * attempts recorded ({@code {"usage": {"inputTokens": 12, "cost": 0.001}}}). Whole numbers stay
 * whole; a field with a fraction anywhere is summed as a decimal.
 */
final class StepUsage {
  private final Map<String, Number> sums = new LinkedHashMap<>();

  /**
   * Takes out what {@code before} added (a value recorded again under its key), adds {@code after}.
   */
  void replace(Object before, Object after) {
    add(before, -1);
    add(after, 1);
  }

  Map<String, Number> sums() {
    return Collections.unmodifiableMap(sums);
  }

  private void add(Object value, int sign) {
    if (!(value instanceof Map<?, ?> map) || !(map.get("usage") instanceof Map<?, ?> usage)) {
      return;
    }
    for (Map.Entry<?, ?> e : usage.entrySet()) {
      if (e.getKey() instanceof String field && e.getValue() instanceof Number n) {
        sums.merge(field, times(n, sign), StepUsage::plus);
      }
    }
  }

  private static Number times(Number n, int sign) {
    return isWhole(n) ? (Number) (n.longValue() * sign) : (Number) (n.doubleValue() * sign);
  }

  private static Number plus(Number a, Number b) {
    if (isWhole(a) && isWhole(b)) {
      return a.longValue() + b.longValue();
    }
    // rounded to a millionth, so that sums of prices do not show binary noise
    return BigDecimal.valueOf(a.doubleValue() + b.doubleValue())
        .setScale(6, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .doubleValue();
  }

  private static boolean isWhole(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
  }
}
