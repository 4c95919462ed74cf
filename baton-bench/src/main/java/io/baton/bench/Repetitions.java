package io.baton.bench;

import java.util.ArrayList;
import java.util.List;

/** Runs a workload's repetition according to a {@link Plan} and summarises the measured ones. */
final class Repetitions {
  private Repetitions() {}

  /** One repetition; returns the measured value in the workload's unit. */
  @FunctionalInterface
  interface Repetition {
    /** Runs once and returns the figure it measured. */
    double run() throws Exception;
  }

  /**
   * Runs {@code repetition} {@code plan.warmups()} times without measuring, then {@code
   * plan.measured()} times, collecting the garbage of the previous repetition first so that one
   * repetition does not pay for another's.
   */
  static Stats measure(String label, Plan plan, Repetition repetition, Reporter reporter)
      throws Exception {
    reporter.progress("%s: %d warm-up repetitions", label, plan.warmups());
    for (int i = 0; i < plan.warmups(); i++) {
      repetition.run();
    }
    List<Double> samples = new ArrayList<>(plan.measured());
    for (int i = 0; i < plan.measured(); i++) {
      System.gc();
      samples.add(repetition.run());
    }
    reporter.progress("%s: samples %s", label, samples.stream().map(Result::format).toList());
    return Stats.of(samples);
  }
}
