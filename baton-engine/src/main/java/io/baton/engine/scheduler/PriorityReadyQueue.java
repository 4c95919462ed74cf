package io.baton.engine.scheduler;

import io.baton.api.definition.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Highest priority first, oldest first within a level; every {@code agingInterval} a step waits
 * raises its effective priority one level, so that low priorities never starve.
 */
final class PriorityReadyQueue implements ReadyQueue {
  @SuppressWarnings("unchecked")
  private final ArrayDeque<QueuedTask>[] levels = new ArrayDeque[Priority.values().length];

  private final long agingMillis;
  private int size;

  PriorityReadyQueue(Duration agingInterval) {
    for (int i = 0; i < levels.length; i++) {
      levels[i] = new ArrayDeque<>();
    }
    this.agingMillis = Math.max(1, agingInterval.toMillis());
  }

  @Override
  public void add(QueuedTask task) {
    levels[task.key().priority().ordinal()].addLast(task);
    size++;
  }

  @Override
  public QueuedTask poll(Predicate<TaskKey> fits, Instant now) {
    QueuedTask best = null;
    long bestRank = Long.MAX_VALUE;
    for (ArrayDeque<QueuedTask> level : levels) {
      QueuedTask candidate = firstFitting(level, fits);
      if (candidate != null) {
        long rank = effectiveLevel(candidate, now);
        if (rank < bestRank || (rank == bestRank && candidate.seq < best.seq)) {
          best = candidate;
          bestRank = rank;
        }
      }
    }
    if (best != null) {
      levels[best.key().priority().ordinal()].remove(best);
      size--;
    }
    return best;
  }

  /**
   * The oldest task of a level that fits the limits. The whole level is looked at: a bounded
   * look-ahead let the many queued steps of one run held back by its own limit hide every other
   * run's steps queued behind them.
   */
  private static QueuedTask firstFitting(ArrayDeque<QueuedTask> level, Predicate<TaskKey> fits) {
    for (QueuedTask t : level) {
      if (fits.test(t.key())) {
        return t;
      }
    }
    return null;
  }

  /** The level a task competes at: its own, raised by one per aging interval waited. */
  long effectiveLevel(QueuedTask task, Instant now) {
    long waited = Math.max(0, now.toEpochMilli() - task.key().readyAt().toEpochMilli());
    return Math.max(0, task.key().priority().ordinal() - waited / agingMillis);
  }

  @Override
  public boolean remove(QueuedTask task) {
    boolean removed = levels[task.key().priority().ordinal()].remove(task);
    if (removed) {
      size--;
    }
    return removed;
  }

  @Override
  public void forEach(Consumer<QueuedTask> action) {
    for (ArrayDeque<QueuedTask> level : levels) {
      level.forEach(action);
    }
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public int size() {
    return size;
  }
}
