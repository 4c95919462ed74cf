package io.baton.engine.store;

import io.baton.api.store.ValueStore;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Large values in memory, as JSON text, by id and by the runs that keep a copy of them (a fork
 * keeps its own copy of its source's values, see {@link ValueStore}).
 */
public final class InMemoryValueStore implements ValueStore {
  /** The copies of each value, by the run that keeps it. */
  private final Map<String, Map<String, String>> byId = new ConcurrentHashMap<>();

  /** The ids of the values each run keeps. */
  private final Map<String, Set<String>> byRun = new ConcurrentHashMap<>();

  @Override
  public void put(String runId, String valueId, String json) {
    byRun.computeIfAbsent(runId, k -> ConcurrentHashMap.newKeySet()).add(valueId);
    byId.compute(
        valueId,
        (id, copies) -> {
          Map<String, String> out = copies != null ? copies : new ConcurrentHashMap<>();
          out.put(runId, json);
          return out;
        });
  }

  @Override
  public Optional<String> find(String valueId) {
    Map<String, String> copies = byId.get(valueId);
    return copies == null ? Optional.empty() : copies.values().stream().findAny();
  }

  @Override
  public void deleteRun(String runId) {
    Set<String> ids = byRun.remove(runId);
    if (ids != null) {
      for (String id : ids) {
        // atomic per id, so a copy another run puts meanwhile is never lost with this one's
        byId.computeIfPresent(
            id,
            (k, copies) -> {
              copies.remove(runId);
              return copies.isEmpty() ? null : copies;
            });
      }
    }
  }
}
