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
  private final Map<String, Map<EntityKey, Row>> partitions = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  /** A store stamping writes with {@code clock}. */
  public InMemoryModuleEntityStore(TimeSource clock) {
    this.clock = clock;
  }

  @Override
  public StoredEntity insert(EntityKey key, String ref, Map<String, Object> document) {
    Row row = new Row(sequence.incrementAndGet(), ref, 1, EntityJson.write(document), clock.now());
    Row existing = rows(key).putIfAbsent(key, row);
    if (existing != null) {
      throw new EntityConflictException(key, 0, existing.version());
    }
    return entity(key, row);
  }

  @Override
  public StoredEntity update(EntityKey key, long expectedVersion, Map<String, Object> document) {
    String json = EntityJson.write(document);
    Row[] written = new Row[1];
    rows(key)
        .computeIfPresent(
            key,
            (k, old) -> {
              if (old.version() != expectedVersion) {
                return old;
              }
              written[0] = new Row(old.seq(), old.ref(), old.version() + 1, json, clock.now());
              return written[0];
            });
    if (written[0] == null) {
      Row current = rows(key).get(key);
      throw new EntityConflictException(
          key, expectedVersion, current == null ? 0 : current.version());
    }
    return entity(key, written[0]);
  }

  @Override
  public Optional<StoredEntity> find(EntityKey key) {
    Row row = rows(key).get(key);
    return row == null ? Optional.empty() : Optional.of(entity(key, row));
  }

  @Override
  public List<StoredEntity> list(String module, String type, String ref, int limit) {
    Map<EntityKey, Row> partition = partitions.get(module + "/" + type);
    if (partition == null) {
      return List.of();
    }
    return partition.entrySet().stream()
        .filter(e -> ref == null || ref.equals(e.getValue().ref()))
        .sorted(Comparator.comparingLong(e -> e.getValue().seq()))
        .limit(limit)
        .map(e -> entity(e.getKey(), e.getValue()))
        .toList();
  }

  @Override
  public boolean delete(EntityKey key) {
    return rows(key).remove(key) != null;
  }

  @Override
  public String describe() {
    return "memory";
  }

  /** The rows of the key's module and type: lists scan one partition, not the whole store. */
  private Map<EntityKey, Row> rows(EntityKey key) {
    return partitions.computeIfAbsent(
        key.module() + "/" + key.type(), k -> new ConcurrentHashMap<>());
  }

  private static StoredEntity entity(EntityKey key, Row row) {
    return new StoredEntity(key, row.ref(), row.version(), EntityJson.read(row.json()), row.at());
  }
}
