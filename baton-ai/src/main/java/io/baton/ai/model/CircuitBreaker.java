package io.baton.ai.model;

import io.baton.api.time.TimeSource;
import java.time.Duration;
import java.time.Instant;

/**
 * A circuit breaker for one provider (seed 002: failure threshold 5, recovery timeout 30 s, 3
 * half-open calls). After {@code failureThreshold} failures in a row it opens and refuses calls, so
 * that a fallback model answers at once; after {@code recoveryTimeout} it lets {@code
 * halfOpenMaxCalls} trial calls through; a success closes it, a failure opens it again.
 */
public final class CircuitBreaker {
  /** The breaker's states. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final Settings settings;
  private final TimeSource clock;
  // read without the lock on every call: a closed breaker, the usual case, costs no monitor that
  // all concurrent calls to the provider would queue on (W7); changes are made under the lock
  private volatile State state = State.CLOSED;
  private volatile int failures;
  private int trials;
  private Instant openedAt;

  /**
   * @param settings thresholds
   * @param clock the engine's clock
   */
  public CircuitBreaker(Settings settings, TimeSource clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Whether a call may go through now; in half-open state, takes one of the trial calls. */
  public boolean tryAcquire() {
    return state == State.CLOSED || acquireWhenNotClosed();
  }

  private synchronized boolean acquireWhenNotClosed() {
    if (state == State.OPEN && !clock.now().isBefore(openedAt.plus(settings.recoveryTimeout()))) {
      state = State.HALF_OPEN;
      trials = 0;
    }
    return switch (state) {
      case CLOSED -> true;
      case OPEN -> false;
      case HALF_OPEN -> trials++ < settings.halfOpenMaxCalls();
    };
  }

  /** A call succeeded. */
  public void onSuccess() {
    if (state != State.CLOSED || failures != 0) {
      close();
    }
  }

  private synchronized void close() {
    state = State.CLOSED;
    failures = 0;
  }

  /** A call failed in a way that says the provider is in trouble. */
  public synchronized void onFailure() {
    failures++;
    if (state == State.HALF_OPEN || failures >= settings.failureThreshold()) {
      state = State.OPEN;
      openedAt = clock.now();
      failures = 0;
    }
  }

  /** The state now (an open breaker whose recovery time has passed still reads open). */
  public State state() {
    return state;
  }

  /**
   * The breaker's thresholds.
   *
   * @param failureThreshold failures in a row that open it
   * @param recoveryTimeout how long it stays open
   * @param halfOpenMaxCalls trial calls let through after that
   */
  public record Settings(int failureThreshold, Duration recoveryTimeout, int halfOpenMaxCalls) {
    /** Seed 002's values. */
    public static final Settings DEFAULTS = new Settings(5, Duration.ofSeconds(30), 3);

    public Settings {
      if (failureThreshold < 1 || halfOpenMaxCalls < 1 || recoveryTimeout.isNegative()) {
        throw new IllegalArgumentException(
            "circuitBreaker: failureThreshold and halfOpenMaxCalls must be at least 1 and"
                + " recoveryTimeout not negative; found "
                + failureThreshold
                + ", "
                + halfOpenMaxCalls
                + ", "
                + recoveryTimeout);
      }
    }
  }
}
