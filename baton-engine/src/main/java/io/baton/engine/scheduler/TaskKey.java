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
 */
public record TaskKey(
    String runId,
    String path,
    String workflowId,
    String stepType,
    Priority priority,
    int runLimit,
    Instant readyAt,
    List<ResourceRequest> resources) {

  public TaskKey {
    resources = resources == null ? List.of() : resources;
  }
}
