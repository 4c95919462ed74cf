package io.baton.modules.store;

import io.baton.api.store.ConcurrentModificationException;

/**
 * A write to a module entity was refused: another writer inserted or changed it first. Names the
 * entity and the versions, so that the caller can reload and retry.
 */
public class EntityConflictException extends ConcurrentModificationException {
  private final transient EntityKey key;

  /**
   * @param key the entity
   * @param expected the version the writer expected (0 for an insert)
   * @param actual the version found (0 when absent)
   */
  public EntityConflictException(EntityKey key, long expected, long actual) {
    super("module entity " + key, expected, actual);
    this.key = key;
  }

  /** The entity written. */
  public EntityKey key() {
    return key;
  }
}
