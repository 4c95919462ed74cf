package io.baton.engine.scheduler;

import io.baton.api.definition.Priority;
import io.baton.api.definition.ResourceRequest;
import java.time.Instant;
import java.util.List;

/**
 * What the scheduler knows of a ready step: whose it is, how urgent, and since when it waits.
 *
 * @param runId the run
 * @param path the step's path
 * @param workflowId the run's workflow
 * @param stepType the step's type, for per-type limits
 * @param priority the step's effective priority
 * @param runLimit the most running steps of this run (0 = none of its own)
 * @param readyAt when it became ready, for aging
 * @param resources the pools and locks it holds while it runs (none: empty)
 * @param held whether the scheduler's {@link StepAdmission} holds it back while closed
 */
public record TaskKey(
    String runId,
    String path,
    String workflowId,
    String stepType,
    Priority priority,
    int runLimit,
    Instant readyAt,
    List<ResourceRequest> resources,
    boolean held) {

  public TaskKey {
    resources = resources == null ? List.of() : resources;
  }

  /** A step no admission holds back. */
  public TaskKey(
      String runId,
      String path,
      String workflowId,
      String stepType,
      Priority priority,
      int runLimit,
      Instant readyAt,
      List<ResourceRequest> resources) {
    this(runId, path, workflowId, stepType, priority, runLimit, readyAt, resources, false);
  }
}
