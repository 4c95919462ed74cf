package io.baton.engine.store;

import io.baton.api.store.ValueStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Large values in memory, as JSON text, by run. */
public final class InMemoryValueStore implements ValueStore {
  private final Map<String, Map<String, String>> byRun = new ConcurrentHashMap<>();
  private final Map<String, String> byId = new ConcurrentHashMap<>();

  @Override
  public void put(String runId, String valueId, String json) {
    byRun.computeIfAbsent(runId, k -> new ConcurrentHashMap<>()).put(valueId, json);
    byId.put(valueId, json);
  }

  @Override
  public Optional<String> find(String valueId) {
    return Optional.ofNullable(byId.get(valueId));
  }

  @Override
  public void deleteRun(String runId) {
    Map<String, String> values = byRun.remove(runId);
    if (values != null) {
      values.keySet().forEach(byId::remove);
    }
  }
}
