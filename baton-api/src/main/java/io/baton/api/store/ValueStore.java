package io.baton.api.store;

import java.util.Optional;

/**
 * Large values of runs kept apart from their journals: a step output over the engine's inline limit
 * is written here, the journal and the run's state hold a reference to it ({@link
 * io.baton.api.run.StoredValue}), and it is read back only when something reads the value.
 */
public interface ValueStore {

  /**
   * Stores {@code json} under {@code valueId}, replacing what an earlier attempt to store it left
   * (the same attempt of a step, run again after a crash, writes the same id). Durable when it
   * returns: the event that refers to it is appended after.
   */
  void put(String runId, String valueId, String json);

  /** The JSON stored under {@code valueId}, if any. */
  Optional<String> find(String valueId);

  /** Deletes every value of a run (retention). */
  void deleteRun(String runId);
}
