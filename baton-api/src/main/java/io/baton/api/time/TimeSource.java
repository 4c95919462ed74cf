package io.baton.api.time;

import java.time.Instant;

/**
 * The engine's only source of time. Production uses the system clock; tests use a fake clock that
 * they advance by hand, so that no test sleeps and timers, retries and timeouts are exact.
 */
public interface TimeSource {

  /** The current instant. */
  Instant now();

  /**
   * Runs {@code task} once {@link #now()} has reached {@code at} (at once if it has already).
   *
   * @return a handle that cancels the task if it has not run
   */
  Cancellable schedule(Instant at, Runnable task);

  /** A scheduled task that can be called off. */
  @FunctionalInterface
  interface Cancellable {
    /** Calls the task off; harmless if it already ran. */
    void cancel();
  }
}
