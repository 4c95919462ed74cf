package io.baton.api.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The state of a run, as shown to users: status, inputs, outputs and every step's state.
 *
 * @param runId the run
 * @param workflowId the workflow it runs
 * @param workflowVersion the version it is pinned to
 * @param status the run's status
 * @param inputs its inputs
 * @param outputs its outputs once completed
 * @param failure why it failed, or null
 * @param failedStep the path of the step that failed it, or null
 * @param startedAt when it started
 * @param endedAt when it ended, or null
 * @param steps every step that has state, by path, in the order they were first touched
 * @param pendingInputs the questions it waits on
 */
public record RunView(
    String runId,
    String workflowId,
    String workflowVersion,
    RunStatus status,
    Map<String, Object> inputs,
    Object outputs,
    StepFailure failure,
    String failedStep,
    Instant startedAt,
    Instant endedAt,
    Map<String, StepView> steps,
    List<PendingInput> pendingInputs) {

  /** The state of the step at {@code path}, or null. */
  public StepView step(String path) {
    return steps.get(path);
  }
}
