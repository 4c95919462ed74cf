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

  /** The earliest timer, if any: lets a node sleep exactly until the next one. */
  java.util.Optional<TimerRecord> next();
}
