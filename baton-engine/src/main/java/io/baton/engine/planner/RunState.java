package io.baton.engine.planner;

import io.baton.api.definition.Priority;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.RunCancelled;
import io.baton.api.run.RunEvent.RunCompleted;
import io.baton.api.run.RunEvent.RunFailed;
import io.baton.api.run.RunEvent.RunPaused;
import io.baton.api.run.RunEvent.RunResumed;
import io.baton.api.run.RunEvent.RunRetried;
import io.baton.api.run.RunEvent.RunStarted;
import io.baton.api.run.RunEvent.RunTimedOut;
import io.baton.api.run.RunStatus;
import io.baton.api.run.StepFailure;
import io.baton.engine.graph.CompiledWorkflow;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The state of one run: the fold of its journal. {@link #apply} is the only place it changes, so
 * replaying a journal rebuilds exactly the state the run had. The run-level part (status, inputs,
 * outcome) is kept here; the steps, their scopes and the planner's candidates are kept by {@link
 * StepTransitions}. Not thread-safe: owned by the run's decider.
 */
public final class RunState {
  private final String runId;
  private final CompiledWorkflow workflow;
  private final StepTransitions steps = new StepTransitions(this);
  private RunStatus status = RunStatus.PENDING;
  private Map<String, Object> inputs = Map.of();
  private Priority priority = Priority.DEFAULT;
  private String parentRunId;
  private String parentStepPath;
  private Instant startedAt;
  private Instant endedAt;
  private Object outputs;
  private StepFailure failure;
  private String failedPath;
  private long applied;

  /** An empty state for run {@code runId} of {@code workflow}, before its first event. */
  public RunState(String runId, CompiledWorkflow workflow) {
    this.runId = runId;
    this.workflow = workflow;
  }

  /** Applies one event. Events must come in journal order. */
  public void apply(RunEvent event) {
    applied++;
    String path = RunEvent.stepPath(event);
    if (path != null) {
      steps.apply(path, event);
      return;
    }
    switch (event) {
      case RunStarted e -> onStarted(e);
      case RunPaused e -> status = RunStatus.PAUSED;
      case RunResumed e -> {
        status = RunStatus.RUNNING;
        steps.rescanAll();
      }
      case RunRetried e -> {
        status = RunStatus.RUNNING;
        failure = null;
        failedPath = null;
        endedAt = null;
        steps.retry(e.paths());
      }
      case RunCompleted e -> finish(RunStatus.COMPLETED, e.at(), e.outputs());
      case RunFailed e -> {
        failure = e.failure();
        failedPath = e.path();
        finish(RunStatus.FAILED, e.at(), null);
      }
      case RunCancelled e -> finish(RunStatus.CANCELLED, e.at(), null);
      case RunTimedOut e -> finish(RunStatus.TIMED_OUT, e.at(), null);
      default -> throw new IllegalArgumentException("a step event without a path: " + event);
    }
  }

  private void onStarted(RunStarted e) {
    status = RunStatus.RUNNING;
    inputs = e.inputs() == null ? Map.of() : e.inputs();
    priority = e.priority() == null ? Priority.DEFAULT : e.priority();
    parentRunId = e.parentRunId();
    parentStepPath = e.parentStepPath();
    startedAt = e.at();
    steps.openRoot(workflow.root());
  }

  private void finish(RunStatus newStatus, Instant at, Object newOutputs) {
    status = newStatus;
    endedAt = at;
    outputs = newOutputs;
  }

  StepState stateFor(String path) {
    return steps.stateFor(path);
  }

  /** How many of a pending step's dependencies, in order, are known to have ended. */
  int dependenciesSeenEnded(String path) {
    return steps.dependenciesSeenEnded(path);
  }

  void dependenciesSeenEnded(String path, int count) {
    steps.dependenciesSeenEnded(path, count);
  }

  /** Takes the steps to examine, clearing the set. */
  public Collection<Candidate> takeCandidates() {
    return steps.takeCandidates();
  }

  /** Marks a step to be examined again (a timer or answer concerns it). */
  public void touch(String path) {
    steps.touch(path);
  }

  /** The run's id. */
  public String runId() {
    return runId;
  }

  /** The compiled workflow it runs. */
  public CompiledWorkflow workflow() {
    return workflow;
  }

  /** The run's status as journaled (see {@link #effectiveStatus()} for WAITING). */
  public RunStatus status() {
    return status;
  }

  /**
   * {@link #status()}, except that a running run in which only suspended steps remain is WAITING.
   */
  public RunStatus effectiveStatus() {
    if (status != RunStatus.RUNNING) {
      return status;
    }
    return steps.runningStatus();
  }

  /** The state of the step at {@code path}, or null if it has none yet. */
  public StepState step(String path) {
    return steps.step(path);
  }

  /** Every step with state, in the order they were first touched. */
  public Collection<StepState> steps() {
    return steps.steps();
  }

  /** The scope instance with this prefix ({@code ""} for the top level), or null. */
  public ScopeInstance scope(String prefix) {
    return steps.scope(prefix);
  }

  /** The run's inputs. */
  public Map<String, Object> inputs() {
    return inputs;
  }

  /** The run's priority. */
  public Priority priority() {
    return priority;
  }

  /** The parent run of a subworkflow run, or null. */
  public String parentRunId() {
    return parentRunId;
  }

  /** The parent's subworkflow step, or null. */
  public String parentStepPath() {
    return parentStepPath;
  }

  /** When the run started. */
  public Instant startedAt() {
    return startedAt;
  }

  /** When it ended, or null. */
  public Instant endedAt() {
    return endedAt;
  }

  /** Its outputs once completed. */
  public Object outputs() {
    return outputs;
  }

  /** Why it failed, or null. */
  public StepFailure failure() {
    return failure;
  }

  /** The step that failed it, or null. */
  public String failedPath() {
    return failedPath;
  }

  /** The end step that completed, if one did. */
  public StepState endReached() {
    return steps.endReached();
  }

  /** How many events have been applied: the journal position of the next one. */
  public long applied() {
    return applied;
  }

  /** The attempt number the next attempt of {@code path} gets. */
  public int nextAttempt(String path) {
    return steps.nextAttempt(path);
  }

  /** The attempts made before the last retry of the run, for counting a step's retries. */
  public int attemptsBeforeRetry(String path) {
    return steps.attemptsBeforeRetry(path);
  }
}
