package io.baton.engine.runtime;

import io.baton.api.store.IndexChange;
import io.baton.api.store.RunCommit;
import io.baton.api.store.RunCommitter;
import io.baton.api.store.TimerStore;
import io.baton.api.store.WaitStore;
import java.util.Optional;

/**
 * Where the writes of a run's drains go (and a start's that carries writes of the application
 * alongside its record): in one transaction per drain when the backend's stores share a database
 * ({@link io.baton.api.store.StoreBackend#atomicCommits()}), otherwise store by store, in the order
 * {@link RunOutbox} gives them.
 */
public final class DrainWrites {
  private final RunCommitter atomic;
  private final WaitStore waits;
  private final TimerStore timers;
  private final TimerService alarms;

  /**
   * @param atomic the backend's atomic commits, if it has them
   * @param waits the waits' index, written change by change without them
   * @param alarms the node's timers: its store is written change by change without atomic commits,
   *     and its alarm is moved forward by timers written either way
   */
  public DrainWrites(Optional<RunCommitter> atomic, WaitStore waits, TimerService alarms) {
    this.atomic = atomic.orElse(null);
    this.waits = waits;
    this.timers = alarms.store();
    this.alarms = alarms;
  }

  /** Whether a drain is written by {@link #commit} (else by the stores, one change at a time). */
  boolean atomic() {
    return atomic != null;
  }

  /** Writes a whole drain in one transaction (see {@link RunCommitter#commit}). */
  void commit(RunCommit commit) {
    atomic.commit(commit);
    for (IndexChange change : commit.indexChanges()) {
      if (change instanceof IndexChange.TimerScheduled scheduled) {
        alarms.scheduled(scheduled.timer());
      }
    }
  }

  /** Writes one index change by itself. */
  void apply(IndexChange change) {
    switch (change) {
      case IndexChange.WaitAdded added -> waits.register(added.record());
      case IndexChange.WaitRemoved removed -> waits.remove(removed.waitId());
      case IndexChange.TimerScheduled scheduled -> timers.schedule(scheduled.timer());
      case IndexChange.TimerCancelled cancelled -> timers.cancel(cancelled.timerId());
    }
  }
}
