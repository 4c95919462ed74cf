package io.baton.bench;

/**
 * How many times a workload runs: first unmeasured (to let the JIT compile the hot path), then
 * measured.
 *
 * @param warmups unmeasured repetitions
 * @param measured measured repetitions, whose median is reported (at least 5 for a published
 *     figure)
 */
record Plan(int warmups, int measured) {
  Plan {
    if (warmups < 0 || measured < 1) {
      throw new IllegalArgumentException(
          "a plan needs warmups >= 0 and measured >= 1, was " + warmups + " and " + measured);
    }
  }
}
