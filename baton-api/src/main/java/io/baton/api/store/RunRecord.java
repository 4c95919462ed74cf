package io.baton.api.store;

import io.baton.api.definition.Priority;
import io.baton.api.run.RunStatus;
import java.time.Instant;

/**
 * The queryable summary of a run, kept beside its journal.
 *
 * @param runId the run
 * @param workflowId its workflow
 * @param workflowVersion the pinned version
 * @param status its status
 * @param priority its priority
 * @param parentRunId the parent run of a subworkflow, or null
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version the optimistic-locking version, incremented by every save
 */
public record RunRecord(
    String runId,
    String workflowId,
    String workflowVersion,
    RunStatus status,
    Priority priority,
    String parentRunId,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** A copy with another status, time of change and version. */
  public RunRecord with(RunStatus newStatus, Instant now, long newVersion) {
    return new RunRecord(
        runId,
        workflowId,
        workflowVersion,
        newStatus,
        priority,
        parentRunId,
        createdAt,
        now,
        newVersion);
  }
}
