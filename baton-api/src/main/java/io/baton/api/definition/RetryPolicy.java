package io.baton.api.definition;

import io.baton.api.run.ErrorCategory;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How a failed step is retried.
 *
 * <pre>{@code
 * retry: {maxRetries: 3, backoff: exponential, initialDelay: 1s, maxDelay: 30s, jitter: 0.2, retryOn: [retryable]}
 * }</pre>
 *
 * @param maxRetries retries after the first attempt (0 = never retry)
 * @param backoff how the delay grows
 * @param initialDelay the delay before the first retry
 * @param maxDelay the cap on any delay
 * @param jitter the fraction (0..1) of each delay that is randomised, to spread retries of many
 *     steps
 * @param retryOn the error categories that are retried; failures of other categories fail at once
 */
public record RetryPolicy(
    int maxRetries,
    Backoff backoff,
    Duration initialDelay,
    Duration maxDelay,
    double jitter,
    Set<ErrorCategory> retryOn) {

  /** No retries at all: the default for steps that say nothing. */
  public static final RetryPolicy NONE =
      new RetryPolicy(
          0, Backoff.FIXED, Duration.ZERO, Duration.ZERO, 0, Set.of(ErrorCategory.RETRYABLE));

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
    }
    backoff = Objects.requireNonNullElse(backoff, Backoff.EXPONENTIAL);
    initialDelay = Objects.requireNonNullElse(initialDelay, Duration.ofSeconds(1));
    maxDelay = Objects.requireNonNullElse(maxDelay, Duration.ofMinutes(5));
    retryOn =
        retryOn == null || retryOn.isEmpty()
            ? Set.of(ErrorCategory.RETRYABLE)
            : Set.copyOf(retryOn);
  }

  /** A policy of {@code maxRetries} exponential retries from one second, for retryable errors. */
  public static RetryPolicy exponential(int maxRetries) {
    return new RetryPolicy(maxRetries, Backoff.EXPONENTIAL, null, null, 0, null);
  }

  /**
   * The delay before retry number {@code retry} (1 for the first retry), before jitter.
   *
   * @param retry the 1-based retry number
   */
  public Duration baseDelay(int retry) {
    long initial = initialDelay.toMillis();
    long millis =
        switch (backoff) {
          case FIXED -> initial;
          case LINEAR -> initial * retry;
          case EXPONENTIAL -> initial * (1L << Math.min(30, retry - 1));
        };
    return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
  }
}
