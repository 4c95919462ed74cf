package io.baton.modules.store;

import io.baton.api.time.TimeSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Module entities in memory, for tests and the embedded default. Thread-safe. */
public final class InMemoryModuleEntityStore implements ModuleEntityStore {
  private record Row(long seq, String ref, long version, String json, java.time.Instant at) {}

  private final TimeSource clock;
  private final Map<EntityKey, Row> rows = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  /** A store stamping writes with {@code clock}. */
  public InMemoryModuleEntityStore(TimeSource clock) {
    this.clock = clock;
  }

  @Override
  public StoredEntity insert(EntityKey key, String ref, Map<String, Object> document) {
    Row row = new Row(sequence.incrementAndGet(), ref, 1, EntityJson.write(document), clock.now());
    Row existing = rows.putIfAbsent(key, row);
    if (existing != null) {
      throw new EntityConflictException(key, 0, existing.version());
    }
    return entity(key, row);
  }

  @Override
  public StoredEntity update(EntityKey key, long expectedVersion, Map<String, Object> document) {
    String json = EntityJson.write(document);
    Row[] written = new Row[1];
    rows.computeIfPresent(
        key,
        (k, old) -> {
          if (old.version() != expectedVersion) {
            return old;
          }
          written[0] = new Row(old.seq(), old.ref(), old.version() + 1, json, clock.now());
          return written[0];
        });
    if (written[0] == null) {
      Row current = rows.get(key);
      throw new EntityConflictException(
          key, expectedVersion, current == null ? 0 : current.version());
    }
    return entity(key, written[0]);
  }

  @Override
  public Optional<StoredEntity> find(EntityKey key) {
    Row row = rows.get(key);
    return row == null ? Optional.empty() : Optional.of(entity(key, row));
  }

  @Override
  public List<StoredEntity> list(String module, String type, String ref, int limit) {
    return rows.entrySet().stream()
        .filter(e -> e.getKey().module().equals(module) && e.getKey().type().equals(type))
        .filter(e -> ref == null || ref.equals(e.getValue().ref()))
        .sorted(Comparator.comparingLong(e -> e.getValue().seq()))
        .limit(limit)
        .map(e -> entity(e.getKey(), e.getValue()))
        .toList();
  }

  @Override
  public boolean delete(EntityKey key) {
    return rows.remove(key) != null;
  }

  @Override
  public String describe() {
    return "memory";
  }

  private static StoredEntity entity(EntityKey key, Row row) {
    return new StoredEntity(key, row.ref(), row.version(), EntityJson.read(row.json()), row.at());
  }
}
