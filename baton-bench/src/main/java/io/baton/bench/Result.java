package io.baton.bench;

import java.util.Locale;
import java.util.Map;

/**
 * One figure of a workload, printed as a {@code RESULT} line (see {@code BENCHMARKS.md}):
 *
 * <pre>{@code
 * RESULT workload=W1 store=memory metric=us_per_step value=3.1 unit=us mode=inline
 * }</pre>
 *
 * @param workload the workload id ({@code W1})
 * @param store the store it ran on ({@code memory})
 * @param metric what was measured ({@code us_per_step})
 * @param stats the value and spread of the measured repetitions
 * @param unit the unit of the value ({@code us})
 * @param variant the keys that tell this variant from the workload's others, in order ({@code
 *     mode=inline})
 */
record Result(
    String workload,
    String store,
    String metric,
    Stats stats,
    String unit,
    Map<String, String> variant) {

  /** The {@code RESULT} line. */
  String line() {
    StringBuilder b =
        new StringBuilder("RESULT")
            .append(" workload=")
            .append(workload)
            .append(" store=")
            .append(store)
            .append(" metric=")
            .append(metric)
            .append(" value=")
            .append(format(stats.value()))
            .append(" unit=")
            .append(unit);
    variant.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
    return b.toString();
  }

  /** The spread, for people: {@code 3.1 (min 2.9, max 3.4, n=15)}. */
  String spread() {
    return String.format(
        Locale.ROOT,
        "%s (min %s, max %s, n=%d)",
        format(stats.value()),
        format(stats.min()),
        format(stats.max()),
        stats.samples());
  }

  /** Three significant figures or so, without exponent: 3.14, 31.4, 314, 31416. */
  static String format(double value) {
    double abs = Math.abs(value);
    String pattern = abs >= 1000 ? "%.0f" : abs >= 100 ? "%.1f" : abs >= 10 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, value);
  }
}
