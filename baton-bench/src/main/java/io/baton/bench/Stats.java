package io.baton.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The summary of a workload's measured repetitions: the median (the figure reported) and the
 * spread.
 *
 * @param median the median of the samples
 * @param min the smallest sample
 * @param max the largest sample
 * @param samples how many samples were taken
 */
record Stats(double median, double min, double max, int samples) {

  /**
   * Summarises {@code values}.
   *
   * @throws IllegalArgumentException when there are none
   */
  static Stats of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no samples to summarise");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Stats(median, sorted.getFirst(), sorted.getLast(), n);
  }

  /** These statistics multiplied by {@code factor} (a change of unit, or per-unit figures). */
  Stats scaled(double factor) {
    return new Stats(median * factor, min * factor, max * factor, samples);
  }
}
