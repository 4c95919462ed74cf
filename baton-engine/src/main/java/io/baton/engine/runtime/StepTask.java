package io.baton.engine.runtime;

/**
 * A handler-run step ready to run, as it is handed to a {@link TaskDispatcher}: everything another
 * node needs to run it (it finds the handler through the workflow's definition in the store).
 *
 * @param runId the run
 * @param workflowId the run's workflow
 * @param workflowVersion the version the run is pinned to
 * @param path the step's path in the run
 * @param stepId the step's id in the workflow
 * @param attempt the attempt (with run and path, the idempotency key {@code runId/path/attempt})
 * @param input the step's resolved input (JSON)
 * @param priority 0 (critical) to 4 (background): claimed in this order
 * @param progress what earlier executions of this attempt recorded ({@code StepContext#record})
 * @param answer a person's answer to what an earlier execution asked ({@code AwaitInput}), or null
 */
public record StepTask(
    String runId,
    String workflowId,
    String workflowVersion,
    String path,
    String stepId,
    int attempt,
    Object input,
    int priority,
    java.util.Map<String, Object> progress,
    io.baton.api.spi.AwaitInput.Answer answer) {

  public StepTask {
    progress = progress == null ? java.util.Map.of() : progress;
  }

  /** The idempotency key handlers receive: {@code runId/path/attempt}. */
  public String idempotencyKey() {
    return runId + "/" + path + "/" + attempt;
  }
}
