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
   * repetition does not pay for another's, and reading the process's CPU time and allocated bytes
   * around each measured repetition.
   */
  static Measurement measure(String label, Plan plan, Repetition repetition, Reporter reporter)
      throws Exception {
    reporter.progress("%s: %d warm-up repetitions", label, plan.warmups());
    for (int i = 0; i < plan.warmups(); i++) {
      repetition.run();
    }
    List<Double> figures = new ArrayList<>(plan.measured());
    List<Double> cpu = new ArrayList<>(plan.measured());
    List<Double> allocated = new ArrayList<>(plan.measured());
    for (int i = 0; i < plan.measured(); i++) {
      System.gc();
      long cpu0 = ProcessMeter.cpuNanos();
      long allocated0 = ProcessMeter.allocatedBytes();
      figures.add(repetition.run());
      cpu.add((double) (ProcessMeter.cpuNanos() - cpu0));
      allocated.add((double) (ProcessMeter.allocatedBytes() - allocated0));
    }
    reporter.progress("%s: samples %s", label, figures.stream().map(Result::format).toList());
    boolean costs = ProcessMeter.supported();
    return new Measurement(
        Stats.median(figures),
        costs ? Stats.mean(cpu) : null,
        costs ? Stats.mean(allocated) : null);
  }
}
