package io.baton.server.observability;

import io.baton.api.time.TimeSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts per minute (by the server's clock) of runs ended, runs failed and step durations, kept for
 * the last hour: what the alert rules' error rate and latency are computed over.
 */
public final class MetricWindow {
  private static final int MINUTES = 60;
  private final TimeSource clock;
  private final Deque<Minute> minutes = new ArrayDeque<>();

  private static final class Minute {
    final long index;
    long ended;
    long failed;
    long steps;
    long stepNanos;

    Minute(long index) {
      this.index = index;
    }
  }

  MetricWindow(TimeSource clock) {
    this.clock = clock;
  }

  synchronized void runEnded(boolean failed) {
    Minute m = current();
    m.ended++;
    if (failed) {
      m.failed++;
    }
  }

  synchronized void stepTook(Duration took) {
    Minute m = current();
    m.steps++;
    m.stepNanos += took.toNanos();
  }

  /** The share of runs ended in the last {@code span} that failed (0 when none ended). */
  public synchronized double errorRate(Duration span) {
    long since = minuteOf() - span.toMinutes();
    long ended = 0;
    long failed = 0;
    for (Minute m : minutes) {
      if (m.index > since) {
        ended += m.ended;
        failed += m.failed;
      }
    }
    return ended == 0 ? 0 : (double) failed / ended;
  }

  /** The mean step duration over the last {@code span} (zero when no step ended). */
  public synchronized Duration meanStepDuration(Duration span) {
    long since = minuteOf() - span.toMinutes();
    long steps = 0;
    long nanos = 0;
    for (Minute m : minutes) {
      if (m.index > since) {
        steps += m.steps;
        nanos += m.stepNanos;
      }
    }
    return steps == 0 ? Duration.ZERO : Duration.ofNanos(nanos / steps);
  }

  private Minute current() {
    long index = minuteOf();
    if (minutes.isEmpty() || minutes.peekLast().index != index) {
      minutes.addLast(new Minute(index));
      while (minutes.size() > MINUTES) {
        minutes.removeFirst();
      }
    }
    return minutes.peekLast();
  }

  private long minuteOf() {
    return clock.now().getEpochSecond() / 60;
  }
}
