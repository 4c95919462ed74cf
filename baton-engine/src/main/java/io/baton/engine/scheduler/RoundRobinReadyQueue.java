package io.baton.engine.scheduler;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs take turns: each grant goes to the next run in rotation that has a ready step, whatever its
 * priority.
 */
final class RoundRobinReadyQueue implements ReadyQueue {
  private final LinkedHashMap<String, ArrayDeque<QueuedTask>> byRun = new LinkedHashMap<>();
  private int size;

  @Override
  public void add(QueuedTask task) {
    byRun.computeIfAbsent(task.key().runId(), r -> new ArrayDeque<>()).addLast(task);
    size++;
  }

  @Override
  public QueuedTask poll(Predicate<TaskKey> fits, Instant now) {
    Iterator<Map.Entry<String, ArrayDeque<QueuedTask>>> it = byRun.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, ArrayDeque<QueuedTask>> entry = it.next();
      QueuedTask head = entry.getValue().peekFirst();
      if (head != null && fits.test(head.key())) {
        entry.getValue().pollFirst();
        size--;
        it.remove();
        if (!entry.getValue().isEmpty()) {
          byRun.put(entry.getKey(), entry.getValue());
        }
        return head;
      }
    }
    return null;
  }

  @Override
  public boolean remove(QueuedTask task) {
    ArrayDeque<QueuedTask> queue = byRun.get(task.key().runId());
    if (queue != null && queue.remove(task)) {
      size--;
      if (queue.isEmpty()) {
        byRun.remove(task.key().runId());
      }
      return true;
    }
    return false;
  }

  @Override
  public void forEach(Consumer<QueuedTask> action) {
    byRun.values().forEach(queue -> queue.forEach(action));
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
