package io.baton.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The summary of a variant's measured repetitions: the value reported and the spread.
 *
 * @param value the value reported: the median of a workload's figure, the mean of a cost
 * @param min the smallest sample
 * @param max the largest sample
 * @param samples how many samples were taken
 */
record Stats(double value, double min, double max, int samples) {

  /**
   * Summarises {@code values} by their median: the figure of a workload, robust to the repetition
   * that a neighbour's build slowed down.
   *
   * @throws IllegalArgumentException when there are none
   */
  static Stats median(List<Double> values) {
    List<Double> sorted = sorted(values);
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Stats(median, sorted.getFirst(), sorted.getLast(), n);
  }

  /**
   * Summarises {@code values} by their mean: for costs read from coarse clocks (the process CPU
   * clock ticks every 10 ms on Linux), whose total over all repetitions is exact where a median of
   * ticks is not.
   *
   * @throws IllegalArgumentException when there are none
   */
  static Stats mean(List<Double> values) {
    List<Double> sorted = sorted(values);
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    return new Stats(sum / sorted.size(), sorted.getFirst(), sorted.getLast(), sorted.size());
  }

  /** These statistics multiplied by {@code factor} (a change of unit, or per-unit figures). */
  Stats scaled(double factor) {
    return new Stats(value * factor, min * factor, max * factor, samples);
  }

  private static List<Double> sorted(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no samples to summarise");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted;
  }
}
