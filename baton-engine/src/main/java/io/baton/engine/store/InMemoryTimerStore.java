package io.baton.engine.store;

import io.baton.api.store.TimerRecord;
import io.baton.api.store.TimerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Timers in memory. */
public final class InMemoryTimerStore implements TimerStore {
  private final Map<String, TimerRecord> timers = new ConcurrentHashMap<>();

  @Override
  public void schedule(TimerRecord timer) {
    timers.put(timer.timerId(), timer);
  }

  @Override
  public void cancel(String timerId) {
    timers.remove(timerId);
  }

  @Override
  public synchronized List<TimerRecord> claimDue(Instant now, Duration hold, int limit) {
    List<TimerRecord> due = dueBefore(now, limit);
    for (TimerRecord t : due) {
      // held: moved to the end of the hold, unless replaced or cancelled meanwhile
      timers.replace(
          t.timerId(), t, new TimerRecord(t.timerId(), t.runId(), t.path(), now.plus(hold)));
    }
    return due;
  }

  @Override
  public List<TimerRecord> dueBefore(Instant time, int limit) {
    return timers.values().stream()
        .filter(t -> !t.dueAt().isAfter(time))
        .sorted(Comparator.comparing(TimerRecord::dueAt))
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<TimerRecord> next() {
    return timers.values().stream().min(Comparator.comparing(TimerRecord::dueAt));
  }
}
