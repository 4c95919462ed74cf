package io.baton.engine.runtime;

import io.baton.api.definition.Priority;
import io.baton.api.run.RunEvent;
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
 */
public record StartRequest(
    String runId,
    Priority priority,
    String parentRunId,
    String parentStepPath,
    String forkOf,
    List<RunEvent> history) {

  /** A plain start: new id, the workflow's priority. */
  public static final StartRequest DEFAULT =
      new StartRequest(null, null, null, null, null, List.of());

  public StartRequest {
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** A start with a chosen id and priority. */
  public static StartRequest of(String runId, Priority priority) {
    return new StartRequest(runId, priority, null, null, null, List.of());
  }

  static StartRequest child(String runId, String parentRunId, String path, Priority priority) {
    return new StartRequest(runId, priority, parentRunId, path, null, List.of());
  }
}
