package io.baton.engine.runtime;

import io.baton.api.definition.Priority;
import io.baton.api.run.RunEvent;
import io.baton.api.store.SqlWrite;
import java.util.List;

/**
 * How a run is started, beyond its workflow and inputs.
 *
 * @param runId the id to use, or null for a new one
 * @param priority the run's priority, or null for the workflow's
 * @param parentRunId the parent of a child run, or null
 * @param parentStepPath the parent's subworkflow step, or null
 * @param forkOf the run a fork was made from, or null
 * @param history events copied into the new run's journal after its start (a fork's shared history)
 * @param alongside statements of the embedding application committed in the transaction that saves
 *     the run's record, and only if it is saved (see {@link #withAlongside})
 */
public record StartRequest(
    String runId,
    Priority priority,
    String parentRunId,
    String parentStepPath,
    String forkOf,
    List<RunEvent> history,
    List<SqlWrite> alongside) {

  /** A plain start: new id, the workflow's priority. */
  public static final StartRequest DEFAULT = of(null, null);

  public StartRequest {
    history = history == null ? List.of() : List.copyOf(history);
    alongside = alongside == null ? List.of() : List.copyOf(alongside);
  }

  /** A start with a chosen id and priority. */
  public static StartRequest of(String runId, Priority priority) {
    return new StartRequest(runId, priority, null, null, null, List.of(), List.of());
  }

  static StartRequest child(String runId, String parentRunId, String path, Priority priority) {
    return new StartRequest(runId, priority, parentRunId, path, null, List.of(), List.of());
  }

  /** The start of a run that continues the history of run {@code forkOf} (a fork, a restore). */
  static StartRequest copy(String forkOf, Priority priority, List<RunEvent> history) {
    return new StartRequest(null, priority, null, null, forkOf, history, List.of());
  }

  /**
   * This start with {@code writes} of the application committed together with the run's record: the
   * application's rows of the run (its index entry, the audit entry of its start) are then durable
   * exactly when the run is, also across a crash. Only for a store whose {@link
   * io.baton.api.store.StoreBackend#atomicCommits() atomic commits} reach the database of the
   * application's tables; a start with them on another store is refused before anything is saved.
   */
  public StartRequest withAlongside(List<SqlWrite> writes) {
    return new StartRequest(runId, priority, parentRunId, parentStepPath, forkOf, history, writes);
  }
}
