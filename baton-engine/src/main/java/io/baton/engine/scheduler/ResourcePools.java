package io.baton.engine.scheduler;

import io.baton.api.definition.ResourceRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The named capacities and exclusive locks that steps hold while they run ({@code resources:
 * [{pool: gpu, amount: 1}, {lock: repo-A}]}). A step takes all it asks for at once or waits without
 * holding any, so two steps can never each hold what the other waits for. Not thread-safe: the
 * scheduler calls it under its lock.
 */
final class ResourcePools {
  private final Map<String, Integer> capacity;
  private final Map<String, Integer> used = new HashMap<>();
  private final Set<String> locked = new HashSet<>();

  ResourcePools(Map<String, Integer> capacity) {
    this.capacity = capacity;
  }

  /** Whether everything in {@code requests} is free now. */
  boolean available(List<ResourceRequest> requests) {
    for (ResourceRequest r : requests) {
      if (r.lock() != null ? locked.contains(r.lock()) : free(r.pool()) < r.amount()) {
        return false;
      }
    }
    return true;
  }

  void take(List<ResourceRequest> requests) {
    for (ResourceRequest r : requests) {
      if (r.lock() != null) {
        locked.add(r.lock());
      } else {
        used.merge(r.pool(), r.amount(), Integer::sum);
      }
    }
  }

  void release(List<ResourceRequest> requests) {
    for (ResourceRequest r : requests) {
      if (r.lock() != null) {
        locked.remove(r.lock());
      } else {
        used.computeIfPresent(r.pool(), (k, v) -> v <= r.amount() ? null : v - r.amount());
      }
    }
  }

  /** Whether two steps' requests name a common pool or lock (and so may compete). */
  static boolean overlap(List<ResourceRequest> a, List<ResourceRequest> b) {
    for (ResourceRequest x : a) {
      for (ResourceRequest y : b) {
        if (x.lock() != null ? x.lock().equals(y.lock()) : x.pool().equals(y.pool())) {
          return true;
        }
      }
    }
    return false;
  }

  private int free(String pool) {
    return capacity.getOrDefault(pool, 0) - used.getOrDefault(pool, 0);
  }
}
