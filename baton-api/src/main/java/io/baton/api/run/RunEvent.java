package io.baton.api.run;

import io.baton.api.definition.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry of a run's journal. A run's state is the fold of its events, applied in one place;
 * recovery is replay. Events only ever gain nullable fields, so that journals written by older
 * versions still replay.
 *
 * <p>Step events name the step by its <em>path</em>: the step id, prefixed inside composite steps
 * by the composite's path and the scope key, e.g. {@code fanout[3]/summarise} (iteration 3 of map
 * {@code fanout}) or {@code checks[lint]/run} (branch {@code lint} of parallel {@code checks}).
 */
public sealed interface RunEvent {

  /** When the event happened, by the engine's clock. */
  Instant at();

  /** The path of the step {@code event} concerns, or null for an event of the run as a whole. */
  static String stepPath(RunEvent event) {
    return switch (event) {
      case StepScheduled e -> e.path();
      case StepStarted e -> e.path();
      case StepCompleted e -> e.path();
      case StepFailed e -> e.path();
      case StepSkipped e -> e.path();
      case StepCancelled e -> e.path();
      case StepWaiting e -> e.path();
      case WaitResolved e -> e.path();
      case ScopeOpened e -> e.path();
      case StepProgress e -> e.path();
      default -> null;
    };
  }

  /**
   * The run began.
   *
   * @param parentRunId the run whose subworkflow step started this one, or null
   * @param parentStepPath that step's path, or null
   * @param forkOf the run this one was forked from, or null
   */
  record RunStarted(
      Instant at,
      String workflowId,
      String workflowVersion,
      Map<String, Object> inputs,
      Priority priority,
      String parentRunId,
      String parentStepPath,
      String forkOf)
      implements RunEvent {}

  /** A step's dependencies were met and its input resolved; it waits for the scheduler. */
  record StepScheduled(Instant at, String path, int attempt, Object input) implements RunEvent {}

  /** A step attempt began on an executor. */
  record StepStarted(Instant at, String path, int attempt) implements RunEvent {}

  /** A step attempt produced its output. */
  record StepCompleted(Instant at, String path, int attempt, Object output) implements RunEvent {}

  /**
   * A step attempt failed. When {@code retryAt} is set a retry is due then; otherwise the failure
   * is final.
   */
  record StepFailed(Instant at, String path, int attempt, StepFailure failure, Instant retryAt)
      implements RunEvent {}

  /**
   * A step will not run: its condition was false, its branch was not taken, or its dependencies
   * were skipped.
   */
  record StepSkipped(Instant at, String path, String reason) implements RunEvent {}

  /** A step was cancelled (with the run, or with a fail-fast sibling). */
  record StepCancelled(Instant at, String path, String reason) implements RunEvent {}

  /**
   * A step is suspended until something outside the run happens.
   *
   * @param waitId the stable id by which the wait is answered
   * @param kind what it waits for
   * @param deadline when it gives up (or, for a timer, when it fires), or null
   * @param details what the waiter needs to know: prompt and form for a person, event name and
   *     correlation key for an event, child run id for a subworkflow
   */
  record StepWaiting(
      Instant at,
      String path,
      int attempt,
      String waitId,
      WaitKind kind,
      Instant deadline,
      Map<String, Object> details)
      implements RunEvent {}

  /** The input a person gave to a human step (or an event's payload, or a child run's outputs). */
  record WaitResolved(Instant at, String waitId, String path, Object value, String by)
      implements RunEvent {}

  /**
   * A composite step opened one of its scopes: iteration {@code key} of a map or loop, or branch
   * {@code key} of a parallel step.
   */
  record ScopeOpened(Instant at, String path, String key) implements RunEvent {}

  /**
   * A running attempt recorded a piece of its progress (a model call's answer, a tool call's
   * result) through {@link io.baton.api.spi.StepContext#record}: durable before the handler goes
   * on, and handed back to a re-execution of the same attempt after a crash, so that the work is
   * not done twice.
   *
   * @param key the handler's name for the piece, unique within the attempt
   * @param value a JSON value; a {@code usage} object of numbers in it is added to the step's usage
   */
  record StepProgress(Instant at, String path, int attempt, String key, Object value)
      implements RunEvent {}

  /** Nothing new starts until {@link RunResumed}. */
  record RunPaused(Instant at, String by) implements RunEvent {}

  /** The run goes on after a pause. */
  record RunResumed(Instant at, String by) implements RunEvent {}

  /** A failed run is tried again from its failed steps. */
  record RunRetried(Instant at, List<String> paths, String by) implements RunEvent {}

  /** The run ended with its outputs. */
  record RunCompleted(Instant at, Object outputs) implements RunEvent {}

  /**
   * The run ended in failure, because of the step at {@code path} (null when the run itself
   * failed).
   */
  record RunFailed(Instant at, StepFailure failure, String path) implements RunEvent {}

  /** The run was cancelled; running steps were interrupted. */
  record RunCancelled(Instant at, String reason, String by) implements RunEvent {}

  /** The run passed its deadline. */
  record RunTimedOut(Instant at) implements RunEvent {}
}
