package io.baton.engine.scheduler;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The order in which ready steps get capacity: one implementation per scheduling strategy. */
interface ReadyQueue {
  void add(QueuedTask task);

  /** Removes and returns the next task that {@code fits} the limits, or null. */
  QueuedTask poll(Predicate<TaskKey> fits, Instant now);

  boolean remove(QueuedTask task);

  /** Every queued task, in no particular order. */
  void forEach(Consumer<QueuedTask> action);

  boolean isEmpty();

  int size();
}
