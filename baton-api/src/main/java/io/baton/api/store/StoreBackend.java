package io.baton.api.store;

import java.util.Optional;

/**
 * Every store an engine needs, from one backend (in memory, an embedded file database, PostgreSQL).
 * Closing it releases its connections.
 */
public interface StoreBackend extends AutoCloseable {

  /** The journal of runs. */
  Journal journal();

  /** The summaries of runs. */
  RunStore runs();

  /** Durable timers. */
  TimerStore timers();

  /** The index of suspended steps. */
  WaitStore waits();

  /** Workflow definitions. */
  DefinitionStore definitions();

  /** Snapshots of runs. */
  SnapshotStore snapshots();

  /** Large values kept apart from the journal and loaded on demand. */
  ValueStore values();

  /**
   * A run's summary with its whole journal, or empty when it has no summary: what the engine reads
   * to take up a run again (an answer to a suspended run, a restart). Backends whose stores share a
   * database read both with one query, in one round trip; by default the summary is read, then the
   * journal.
   */
  default Optional<StoredRun> loadRun(String runId) {
    return runs().find(runId).map(record -> new StoredRun(record, journal().read(runId, 0)));
  }

  /**
   * Writes a run's decisions (events, index changes, summary) in one transaction, when this
   * backend's stores share one database; empty when they are written store by store.
   */
  default Optional<RunCommitter> atomicCommits() {
    return Optional.empty();
  }

  /** A short description for logs and health checks, e.g. {@code h2:./data/baton}. */
  String describe();

  @Override
  default void close() {}
}
