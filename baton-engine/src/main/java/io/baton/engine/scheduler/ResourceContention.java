package io.baton.engine.scheduler;

import io.baton.api.definition.ResourceRequest;
import io.baton.engine.config.ConflictResolution;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides, by the configured {@link ConflictResolution}, which of the queued steps that could take
 * a contended pool or lock gets it: for each pool and lock, the preferred step among those that
 * could start now; a step asking for resources may start only if it is the preferred one for each
 * of them. Under {@link ConflictResolution#PRIORITY} the scheduling strategy's order already
 * decides, so nothing is computed.
 */
final class ResourceContention {
  private final ConflictResolution rule;
  private final Map<String, QueuedTask> preferred = new HashMap<>();

  ResourceContention(ConflictResolution rule) {
    this.rule = rule;
  }

  /**
   * Looks at the queue again (before each grant, as every grant changes what is free).
   *
   * @param couldStart whether a queued step fits the limits and finds its resources free
   */
  void survey(ReadyQueue queue, Predicate<TaskKey> couldStart) {
    preferred.clear();
    if (rule == ConflictResolution.PRIORITY) {
      return;
    }
    queue.forEach(
        task -> {
          if (!task.key().resources().isEmpty() && couldStart.test(task.key())) {
            for (ResourceRequest r : task.key().resources()) {
              preferred.merge(name(r), task, (a, b) -> rank(b) < rank(a) ? b : a);
            }
          }
        });
  }

  /** Whether the step may take its resources now (no rival preferred for any of them). */
  boolean mayTake(TaskKey key) {
    if (preferred.isEmpty()) {
      return true;
    }
    for (ResourceRequest r : key.resources()) {
      QueuedTask winner = preferred.get(name(r));
      if (winner != null && winner.key() != key) {
        return false;
      }
    }
    return true;
  }

  private long rank(QueuedTask task) {
    return rule == ConflictResolution.TIMESTAMP ? task.seq : draw(task);
  }

  /** A pseudo-random rank, the same for the same step at the same queue position. */
  private static long draw(QueuedTask task) {
    long h = task.seq * 0x9E3779B97F4A7C15L;
    h ^= task.key().runId().hashCode() * 0xC2B2AE3D27D4EB4FL;
    h ^= task.key().path().hashCode();
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    return h ^ (h >>> 33);
  }

  private static String name(ResourceRequest r) {
    return r.lock() != null ? "lock:" + r.lock() : "pool:" + r.pool();
  }
}
