package io.baton.engine.runtime;

import io.baton.api.store.TimerRecord;
import io.baton.api.store.TimerStore;
import io.baton.api.time.TimeSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one alarm for the durable timers of all runs (retries, wait deadlines, run timeouts).
 * Timers live only in the {@link TimerStore}, so that a suspended run holds no memory and its
 * timers survive restarts: the alarm is set for the earliest of them, and when it rings the due
 * timers are taken out of the store and handed to their runs (which are loaded if they were
 * evicted).
 *
 * <p>Taking a timer out before its run has acted on it cannot lose it: the timer store is an index
 * of what the journal says, and a run rebuilt after a crash registers its timers again. With
 * several nodes on one store, a due timer is claimed ({@link TimerStore#claimDue}) before it is
 * handed on, so that only one node's alarm fires it; a node that dies holding it lets it go after
 * {@link #HOLD}.
 *
 * <p>It decorates the store: whoever schedules a timer through {@link #store()} moves the alarm
 * forward when the new timer is earlier.
 */
public final class TimerService {
  private static final Logger LOG = LoggerFactory.getLogger(TimerService.class);
  private static final int BATCH = 512;

  /** How long a claimed timer stays with the node delivering it before another may take it. */
  static final java.time.Duration HOLD = java.time.Duration.ofSeconds(10);

  private final TimerStore timers;
  private final TimeSource clock;
  private final Executor executor;
  private volatile BiConsumer<TimerRecord, Runnable> fire = (timer, taken) -> taken.run();
  private final TimerStore view = new AlarmingStore();
  private Instant armedFor;
  private TimeSource.Cancellable alarm;
  private long generation;
  private boolean closed;

  /**
   * @param timers where timers are kept
   * @param clock the engine's time
   * @param executor where due timers are handled (off the clock's thread)
   */
  public TimerService(TimerStore timers, TimeSource clock, Executor executor) {
    this.timers = timers;
    this.clock = clock;
    this.executor = executor;
  }

  /** The timer store that keeps this alarm up to date. */
  public TimerStore store() {
    return view;
  }

  /**
   * Starts ringing: sets the alarm for the earliest stored timer (there may be some from before a
   * restart).
   *
   * @param fire hands a due timer to its run, running the second argument (which takes the timer
   *     out of the store) once the timer cannot be lost any more
   */
  public void start(BiConsumer<TimerRecord, Runnable> fire) {
    this.fire = fire;
    rearm();
  }

  /**
   * A timer written to the store by other means (with its run's events, in one transaction): the
   * alarm moves forward when it is earlier.
   */
  void scheduled(TimerRecord timer) {
    armFor(timer.dueAt());
  }

  /** Stops the alarm. */
  public synchronized void close() {
    closed = true;
    if (alarm != null) {
      alarm.cancel();
      alarm = null;
    }
  }

  private synchronized void armFor(Instant dueAt) {
    if (closed || (armedFor != null && !dueAt.isBefore(armedFor))) {
      return;
    }
    if (alarm != null) {
      alarm.cancel();
      alarm = null;
    }
    long armed = ++generation;
    armedFor = dueAt;
    TimeSource.Cancellable scheduled = clock.schedule(dueAt, () -> ring(armed));
    // a clock may ring at once, on this thread, for a time that has passed
    if (generation == armed && armedFor != null) {
      alarm = scheduled;
    }
  }

  private void ring(long armed) {
    synchronized (this) {
      if (armed != generation) {
        return; // superseded by an earlier alarm
      }
      armedFor = null;
      alarm = null;
    }
    try {
      executor.execute(this::fireDue);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("timer alarm after the engine closed");
    }
  }

  private void fireDue() {
    try {
      List<TimerRecord> due;
      do {
        due = timers.claimDue(clock.now(), HOLD, BATCH);
        for (TimerRecord timer : due) {
          boolean[] taken = {false};
          try {
            fire.accept(
                timer,
                () -> {
                  timers.cancel(timer.timerId());
                  taken[0] = true;
                });
          } catch (RuntimeException e) {
            if (!taken[0]) {
              throw e; // the timer is still in the store: try again shortly (below)
            }
            LOG.warn(
                "timer {} of run {} could not be delivered", timer.timerId(), timer.runId(), e);
          }
        }
      } while (due.size() == BATCH);
    } catch (RuntimeException e) {
      // the store is unreachable: the timers stay where they are; try again shortly
      LOG.warn("could not read due timers; retrying", e);
      armFor(clock.now().plusSeconds(1));
      return;
    }
    rearm();
  }

  /**
   * Looks at the store again for its earliest timer: another node sharing the store may have set
   * one earlier than this alarm knows of.
   */
  public void poke() {
    try {
      rearm();
    } catch (RuntimeException e) {
      LOG.debug("could not read the next timer: {}", e.toString());
    }
  }

  private void rearm() {
    Optional<TimerRecord> next = timers.next();
    next.ifPresent(t -> armFor(t.dueAt()));
  }

  /** The store, with the alarm moved forward by earlier timers. */
  private final class AlarmingStore implements TimerStore {
    @Override
    public void schedule(TimerRecord timer) {
      timers.schedule(timer);
      armFor(timer.dueAt());
    }

    @Override
    public void cancel(String timerId) {
      timers.cancel(timerId);
    }

    @Override
    public List<TimerRecord> dueBefore(Instant time, int limit) {
      return timers.dueBefore(time, limit);
    }

    @Override
    public List<TimerRecord> claimDue(Instant now, java.time.Duration hold, int limit) {
      return timers.claimDue(now, hold, limit);
    }

    @Override
    public Optional<TimerRecord> next() {
      return timers.next();
    }
  }
}
