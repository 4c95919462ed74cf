package io.baton.engine.runtime;

import io.baton.api.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Purges runs that ended more than a set time ago, once at start and then at a fixed interval. */
public final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  private final RunArchive archive;
  private final TimeSource clock;
  private final Executor executor;
  private final Duration keep;
  private final Duration interval;
  private volatile TimeSource.Cancellable next;
  private volatile boolean closed;

  /**
   * @param keep how long ended runs are kept
   * @param interval how often to look for runs to purge
   */
  public Retention(
      RunArchive archive, TimeSource clock, Executor executor, Duration keep, Duration interval) {
    this.archive = archive;
    this.clock = clock;
    this.executor = executor;
    this.keep = keep;
    this.interval = interval;
  }

  /** Purges now, then every interval. */
  public void start() {
    Instant first = clock.now();
    executor.execute(() -> purge(first));
  }

  /** Stops purging. */
  public void close() {
    closed = true;
    TimeSource.Cancellable n = next;
    if (n != null) {
      n.cancel();
    }
  }

  /**
   * Purges what ended {@code keep} before {@code at}, the time this purge was due. The due time,
   * not the clock's time when the executor gets to it, decides the cut-off and the next purge, so
   * the schedule does not drift with the executor's delay (nor race a test clock that moves on).
   */
  private void purge(Instant at) {
    if (closed) {
      return;
    }
    try {
      int purged = archive.purgeEndedBefore(at.minus(keep));
      if (purged > 0) {
        LOG.info("retention: purged {} run(s) that ended more than {} ago", purged, keep);
      }
    } catch (RuntimeException e) {
      LOG.warn("retention: purge failed; trying again in {}", interval, e);
    }
    if (!closed) {
      // A purge that ran late (a busy executor, a clock that jumped) does not replay the ones
      // missed.
      Instant now = clock.now();
      Instant due = at.plus(interval).isBefore(now) ? now : at.plus(interval);
      next =
          clock.schedule(
              due,
              () -> {
                try {
                  executor.execute(() -> purge(due));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                  LOG.debug("retention after the engine closed");
                }
              });
    }
  }
}
