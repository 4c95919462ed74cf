package io.baton.engine.store;

import io.baton.api.run.WaitKind;
import io.baton.api.store.WaitRecord;
import io.baton.api.store.WaitStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The index of suspended steps, in memory, in the order they were registered. */
public final class InMemoryWaitStore implements WaitStore {
  private final Map<String, WaitRecord> waits = new LinkedHashMap<>();

  @Override
  public synchronized void register(WaitRecord wait) {
    waits.putIfAbsent(wait.waitId(), wait);
  }

  @Override
  public synchronized void remove(String waitId) {
    waits.remove(waitId);
  }

  @Override
  public synchronized Optional<WaitRecord> find(String waitId) {
    return Optional.ofNullable(waits.get(waitId));
  }

  @Override
  public synchronized List<WaitRecord> findByEvent(String eventName, String correlationKey) {
    return waits.values().stream()
        .filter(w -> w.kind() == WaitKind.EVENT && eventName.equals(w.eventName()))
        .filter(
            w -> w.correlationKey() == null || Objects.equals(w.correlationKey(), correlationKey))
        .toList();
  }

  @Override
  public synchronized List<WaitRecord> humanWaits(int limit) {
    return waits.values().stream().filter(w -> w.kind() == WaitKind.HUMAN).limit(limit).toList();
  }
}
