package io.baton.api.store;

import java.util.List;
import java.util.Optional;

/** The summaries of runs, for lookups, listings and recovery. */
public interface RunStore {

  /**
   * Inserts or updates {@code record}. An update must carry the stored version + 1.
   *
   * @throws ConcurrentModificationException when the stored version is not {@code record.version()
   *     - 1}
   */
  void save(RunRecord record);

  /** The run's summary, if it exists. */
  Optional<RunRecord> find(String runId);

  /** Runs matching {@code query}, newest first. */
  List<RunRecord> list(RunQuery query);

  /** The ids of runs that have not ended, for recovery on start. */
  List<String> unfinished();

  /**
   * The ids of runs that ended (a terminal status) before {@code time}, oldest first, at most
   * {@code limit}: what retention purges.
   */
  List<String> endedBefore(java.time.Instant time, int limit);

  /** Deletes a run's summary (retention). */
  void delete(String runId);
}
