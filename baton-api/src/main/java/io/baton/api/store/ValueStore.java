package io.baton.api.store;

import java.util.Optional;

/**
 * Large values of runs kept apart from their journals: a step output over the engine's inline limit
 * is written here, the journal and the run's state hold a reference to it ({@link
 * io.baton.api.run.StoredValue}), and it is read back only when something reads the value.
 *
 * <p>A value is kept by run: a run that refers to a value another run stored (a fork, a run
 * restored from a snapshot, a parent given a child run's outputs) puts its own copy under the same
 * id, so that deleting the run that stored it first (retention) does not take it from the others.
 * Copies of an id hold the same JSON.
 */
public interface ValueStore {

  /**
   * Stores {@code json} under {@code valueId} for run {@code runId}, replacing what an earlier
   * attempt of that run to store it left (the same attempt of a step, run again after a crash,
   * writes the same id). A copy other runs keep under the same id stays as it is. Durable when it
   * returns: the event that refers to it is appended after.
   */
  void put(String runId, String valueId, String json);

  /** The JSON stored under {@code valueId} by any run that keeps it, if any. */
  Optional<String> find(String valueId);

  /**
   * Deletes every value of a run (retention): its copies only, so the values other runs keep under
   * the same ids stay readable.
   */
  void deleteRun(String runId);
}
