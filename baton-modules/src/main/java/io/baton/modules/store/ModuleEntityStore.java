package io.baton.modules.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where coordination modules keep their entities: JSON documents addressed by module, type and id,
 * with one query column ({@code ref}) and an optimistic version. Implementations: {@link
 * InMemoryModuleEntityStore} and {@link JdbcModuleEntityStore} (H2, PostgreSQL).
 *
 * <pre>{@code
 * ModuleEntityStore store = new InMemoryModuleEntityStore(clock);
 * StoredEntity saved = store.insert(new EntityKey("plan", "plan", id), runId, document);
 * store.update(saved.key(), saved.version(), changed);   // EntityConflictException if raced
 * }</pre>
 *
 * <p>Implementations are thread-safe; documents are copied in and out, so callers may change what
 * they get.
 */
public interface ModuleEntityStore {

  /**
   * Inserts a new entity at version 1.
   *
   * @throws EntityConflictException when an entity with that key exists
   */
  StoredEntity insert(EntityKey key, String ref, Map<String, Object> document);

  /**
   * Replaces the document of an entity whose version is {@code expectedVersion}, keeping its ref.
   *
   * @throws EntityConflictException when the entity is missing or at another version
   */
  StoredEntity update(EntityKey key, long expectedVersion, Map<String, Object> document);

  /** The entity, if stored. */
  Optional<StoredEntity> find(EntityKey key);

  /**
   * Entities of one module and type, oldest first, at most {@code limit}; only those whose ref is
   * {@code ref} unless it is null.
   */
  List<StoredEntity> list(String module, String type, String ref, int limit);

  /** Deletes the entity; true if there was one. */
  boolean delete(EntityKey key);

  /** A short description for logs and health checks, e.g. {@code memory} or the JDBC URL. */
  String describe();
}
