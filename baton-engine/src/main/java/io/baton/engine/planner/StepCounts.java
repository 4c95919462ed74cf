package io.baton.engine.planner;

import io.baton.api.run.RunStatus;

/**
 * How many of a run's steps are active (running, or ready to run) and how many are suspended
 * (waiting, or waiting for a retry), kept as events apply, so that telling RUNNING from WAITING
 * costs nothing.
 */
final class StepCounts {
  private static final int OTHER = 0;
  private static final int ACTIVE = 1;
  private static final int SUSPENDED = 2;
  private final int[] counts = new int[3];

  /** The category of a step's state, to be given back to {@link #moved} after the step changed. */
  static int category(StepState s) {
    if (s == null) {
      return OTHER;
    }
    return switch (s.status) {
      case RUNNING -> ACTIVE;
      case READY -> s.retryAt == null ? ACTIVE : SUSPENDED;
      case WAITING -> SUSPENDED;
      default -> OTHER;
    };
  }

  /** A step went from category {@code before} to its current state. */
  void moved(int before, StepState after) {
    counts[before]--;
    counts[category(after)]++;
  }

  /** Counts every step again (after a change that touches many). */
  void recount(Iterable<StepState> steps) {
    java.util.Arrays.fill(counts, 0);
    for (StepState s : steps) {
      counts[category(s)]++;
    }
  }

  /** A running run's effective status: WAITING when only suspended steps remain. */
  RunStatus runningStatus() {
    return counts[ACTIVE] == 0 && counts[SUSPENDED] > 0 ? RunStatus.WAITING : RunStatus.RUNNING;
  }
}
