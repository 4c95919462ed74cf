package io.baton.api.run;

/**
 * A JSON object or array of a run kept in the store's {@link io.baton.api.store.ValueStore} rather
 * than in memory: it is a {@link java.util.Map} or {@link java.util.List} like any other value,
 * whose content is loaded (through a bounded cache) when it is read. Journals and snapshots hold
 * only its reference.
 */
public interface StoredValue {

  /** The id it is stored under. */
  String valueId();

  /** The size of its JSON in bytes. */
  long sizeBytes();
}
