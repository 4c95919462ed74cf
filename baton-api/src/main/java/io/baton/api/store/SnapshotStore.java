package io.baton.api.store;

import java.util.List;
import java.util.Optional;

/** Checkpoints of runs, for restore, time travel (forks) and journal compaction. */
public interface SnapshotStore {

  /** Stores a snapshot; ids are unique. */
  void save(SnapshotRecord snapshot);

  /** A snapshot by id, payload included, exactly as stored (the engine verifies it). */
  Optional<SnapshotRecord> find(String snapshotId);

  /** A run's snapshots, oldest first. */
  List<SnapshotRecord> list(String runId);

  /**
   * Deletes one snapshot (an automatic snapshot superseded by a newer one); nothing happens when
   * there is no such snapshot.
   */
  void delete(String snapshotId);

  /** Deletes all snapshots of a run (retention). */
  void deleteRun(String runId);
}
