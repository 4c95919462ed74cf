package io.baton.bench;

import java.util.List;

/**
 * The measured repetitions of one variant: the workload's figure (the median over repetitions), and
 * what a repetition cost the process (the mean over repetitions).
 *
 * @param figure the workload's figure (µs per step, ms, runs per second)
 * @param cpuNanos process CPU time per repetition, or null when the JVM does not report it
 * @param allocatedBytes bytes allocated per repetition, or null when the JVM does not report it
 */
record Measurement(Stats figure, Stats cpuNanos, Stats allocatedBytes) {

  /**
   * The cost lines of this measurement per unit of work ({@code step}, {@code run}, {@code
   * branch}): {@code cpu_us_per_<unit>} and {@code alloc_bytes_per_<unit>}, to print beside the
   * workload's figure.
   */
  List<Result> costs(Result figureResult, String unit, double unitsPerRepetition) {
    if (cpuNanos == null || allocatedBytes == null) {
      return List.of();
    }
    return List.of(
        cost(
            figureResult,
            "cpu_us_per_" + unit,
            cpuNanos.scaled(1 / 1_000.0 / unitsPerRepetition),
            "us"),
        cost(
            figureResult,
            "alloc_bytes_per_" + unit,
            allocatedBytes.scaled(1 / unitsPerRepetition),
            "bytes"));
  }

  private static Result cost(Result of, String metric, Stats stats, String unit) {
    return new Result(of.workload(), of.store(), metric, stats, unit, of.variant());
  }
}
