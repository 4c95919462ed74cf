package io.baton.server.events;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * When a failed event reaction is tried again: after {@code initial} doubled per failed attempt,
 * capped at {@code max}, of which a random half ("equal jitter": between half the delay and all of
 * it), so that the reactions of one burst of events do not all come back at the same instant. The
 * randomness comes from a seeded source, so a seed gives the same delays every time.
 */
final class ReactionBackoff {
  private final Duration initial;
  private final Duration max;
  private final SplittableRandom random;

  /**
   * @param initial the delay after the first failure, before jitter
   * @param max the longest delay
   * @param seed the seed of the jitter
   */
  ReactionBackoff(Duration initial, Duration max, long seed) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "baton.events.retry: initial-delay must be positive and max-delay at least as long,"
              + " were "
              + initial
              + " and "
              + max);
    }
    this.initial = initial;
    this.max = max;
    this.random = new SplittableRandom(seed);
  }

  /** The delay before the attempt that follows {@code failedAttempts} failures (1 or more). */
  synchronized Duration delay(int failedAttempts) {
    long full = initial.toMillis();
    for (int i = 1; i < failedAttempts && full < max.toMillis(); i++) {
      full *= 2;
    }
    full = Math.min(full, max.toMillis());
    long half = full / 2;
    return Duration.ofMillis(full - half + random.nextLong(half + 1));
  }
}
