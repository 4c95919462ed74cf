package io.baton.bench;

import java.util.Collection;
import java.util.Map;

/**
 * What the join of W2 ({@code bench_sum}) computes: the sum of the numbers in its input's {@code
 * values}, which may be a list of numbers (a map step's output), a map of numbers (one template per
 * sibling step) or a parallel step's output (branch id to {@code {"status": …, "value": …}}).
 */
final class Sums {
  private Sums() {}

  /** The sum of the numbers in {@code value}. */
  static long sum(Object value, String where) {
    return switch (value) {
      case Number n -> n.longValue();
      case Map<?, ?> branch when branch.containsKey("status") -> sum(branch.get("value"), where);
      case Map<?, ?> m -> m.values().stream().mapToLong(v -> sum(v, where)).sum();
      case Collection<?> c -> c.stream().mapToLong(v -> sum(v, where)).sum();
      case null, default ->
          throw new IllegalArgumentException(
              "step " + where + " can only sum numbers, lists and maps of them, but got " + value);
    };
  }
}
