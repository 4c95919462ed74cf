package io.baton.test;

import io.baton.api.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A clock that only moves when a test says so. Timers (waits, retries, timeouts) fire during {@link
 * #advance}, in time order, so tests of time-dependent behaviour never sleep.
 *
 * <pre>{@code
 * FakeClock clock = new FakeClock();
 * Baton baton = Baton.builder().clock(clock).build();
 * // start a run that waits 1h …
 * clock.advance(Duration.ofHours(1));
 * }</pre>
 */
public final class FakeClock implements TimeSource {
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private Instant now;
  private long seq;

  /** A clock at 2026-01-01T00:00:00Z. */
  public FakeClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** A clock at {@code start}. */
  public FakeClock(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public Cancellable schedule(Instant at, Runnable task) {
    Timer timer;
    synchronized (this) {
      timer = new Timer(at, seq++, task);
      if (at.isAfter(now)) {
        timers.add(timer);
        return () -> cancel(timer);
      }
    }
    task.run();
    return () -> {};
  }

  private synchronized void cancel(Timer timer) {
    timers.remove(timer);
  }

  /** Moves time forward by {@code duration}, firing every timer due on the way, in order. */
  public void advance(Duration duration) {
    Instant target;
    synchronized (this) {
      target = now.plus(duration);
    }
    while (true) {
      Timer next;
      synchronized (this) {
        next = timers.peek();
        if (next == null || next.at.isAfter(target)) {
          now = target;
          return;
        }
        timers.poll();
        if (next.at.isAfter(now)) {
          now = next.at;
        }
      }
      next.task.run();
    }
  }

  /** The instants of the pending timers, earliest first. */
  public synchronized List<Instant> pendingTimers() {
    List<Timer> sorted = new ArrayList<>(timers);
    sorted.sort(null);
    return sorted.stream().map(t -> t.at).toList();
  }

  private record Timer(Instant at, long seq, Runnable task) implements Comparable<Timer> {
    @Override
    public int compareTo(Timer o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
