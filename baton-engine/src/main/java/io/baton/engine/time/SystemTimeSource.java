package io.baton.engine.time;

import io.baton.api.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The system clock, with timers on one daemon thread that hands each due task to a virtual thread.
 * The only place the engine reads the wall clock.
 */
public final class SystemTimeSource implements TimeSource, AutoCloseable {
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "baton-timers");
            t.setDaemon(true);
            return t;
          });

  /** Stops the timer thread; timers not yet due never fire. */
  @Override
  public void close() {
    timers.shutdownNow();
  }

  /**
   * The last instant handed out: within one millisecond every caller gets the same object. The
   * journal keeps every event's time, and a run's events mostly fall in the same millisecond, so
   * sharing them saves memory on every stored run; finer precision serves no reader.
   */
  private volatile Instant last = Instant.EPOCH;

  @Override
  public Instant now() {
    long millis = System.currentTimeMillis();
    Instant known = last;
    if (known.toEpochMilli() == millis) {
      return known;
    }
    Instant fresh = Instant.ofEpochMilli(millis);
    last = fresh;
    return fresh;
  }

  @Override
  public Cancellable schedule(Instant at, Runnable task) {
    long delay = Math.max(0, Duration.between(Instant.now(), at).toNanos());
    ScheduledFuture<?> f =
        timers.schedule(() -> Thread.startVirtualThread(task), delay, TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }
}
