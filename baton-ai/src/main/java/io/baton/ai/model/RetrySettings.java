package io.baton.ai.model;

import java.time.Duration;

/**
 * How a failed model call is retried on the same model: exponential back-off from {@code
 * initialDelay} up to {@code maxDelay}, or the provider's {@code Retry-After} when it sent one. A
 * {@code Retry-After} longer than {@code maxRetryAfter} is not waited for: the next model of the
 * fallback chain is tried instead (and the step's own retry policy still applies after that).
 *
 * @param initialDelay the first wait
 * @param maxDelay the longest back-off wait
 * @param maxRetryAfter the longest {@code Retry-After} honoured in place
 */
public record RetrySettings(Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {
  /** 1 s doubling to 30 s; {@code Retry-After} up to 2 min. */
  public static final RetrySettings DEFAULTS =
      new RetrySettings(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));

  /**
   * The wait before retry number {@code retry} (from 1), or null when the provider asked for a
   * longer wait than is honoured.
   */
  public Duration waitBefore(int retry, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(maxRetryAfter) > 0 ? null : retryAfter;
    }
    Duration wait = initialDelay.multipliedBy(1L << Math.min(20, retry - 1));
    return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
  }
}
