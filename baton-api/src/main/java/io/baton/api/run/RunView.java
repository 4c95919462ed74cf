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
 * @param lastSeq the journal position of the last event this state includes, -1 before the first: a
 *     client that shows this view and then follows the run's events from after it misses none
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
    List<PendingInput> pendingInputs,
    long lastSeq) {

  /** The state of the step at {@code path}, or null. */
  public StepView step(String path) {
    return steps.get(path);
  }
}
