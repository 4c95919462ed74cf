package io.baton.api.store;

import java.time.Instant;
import java.util.List;

/** Durable timers of suspended runs, so that waits and retries survive restarts and evictions. */
public interface TimerStore {

  /** Adds or replaces a timer. */
  void schedule(TimerRecord timer);

  /** Removes a timer; harmless if it is gone. */
  void cancel(String timerId);

  /** Timers due at or before {@code time}, earliest first, at most {@code limit}. */
  List<TimerRecord> dueBefore(Instant time, int limit);

  /**
   * Takes the timers due at or before {@code now} that no caller holds, earliest first, at most
   * {@code limit}, and holds them for this caller until {@code now + hold}: another node sharing
   * the store does not get them meanwhile, so a due timer is handed to its run once. The caller
   * then {@link #cancel cancels} each one it delivered; one it could not deliver (its node died) is
   * due again when the hold ends.
   *
   * <pre>{@code
   * for (TimerRecord t : timers.claimDue(clock.now(), Duration.ofSeconds(30), 100)) {
   *   deliver(t);
   *   timers.cancel(t.timerId());
   * }
   * }</pre>
   */
  List<TimerRecord> claimDue(Instant now, java.time.Duration hold, int limit);

  /** The earliest timer, if any: lets a node sleep exactly until the next one. */
  java.util.Optional<TimerRecord> next();
}
