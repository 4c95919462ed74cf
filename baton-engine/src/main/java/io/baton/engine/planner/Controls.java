package io.baton.engine.planner;

import io.baton.api.definition.HumanStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.RunCancelled;
import io.baton.api.run.RunEvent.RunPaused;
import io.baton.api.run.RunEvent.RunResumed;
import io.baton.api.run.RunEvent.RunRetried;
import io.baton.api.run.RunEvent.RunTimedOut;
import io.baton.api.run.RunEvent.StepCancelled;
import io.baton.api.run.RunEvent.StepSkipped;
import io.baton.api.run.RunEvent.WaitResolved;
import io.baton.api.run.RunStatus;
import io.baton.api.run.StepFailure;
import io.baton.api.run.StepStatus;
import io.baton.api.run.WaitKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decisions for what comes from outside a run: control operations, answers, events, child runs and
 * deadlines. Each returns the events to journal, or an empty list when the request does not apply
 * (so repeating a request is harmless).
 */
public final class Controls {
  private final Failures failures;

  Controls(Failures failures) {
    this.failures = failures;
  }

  /** Pausing: nothing new starts; running steps finish. */
  public List<RunEvent> pause(RunState run, String by, Instant now) {
    return run.status() == RunStatus.RUNNING ? List.of(new RunPaused(now, by)) : List.of();
  }

  /** Resuming a paused run. */
  public List<RunEvent> resume(RunState run, String by, Instant now) {
    return run.status() == RunStatus.PAUSED ? List.of(new RunResumed(now, by)) : List.of();
  }

  /** Cancelling: every active step is cancelled, then the run. */
  public List<RunEvent> cancel(RunState run, String reason, String by, Instant now) {
    if (run.status().isTerminal()) {
      return List.of();
    }
    List<RunEvent> out = cancelActive(run, now, "the run was cancelled");
    out.add(new RunCancelled(now, reason, by));
    return out;
  }

  /** The run passed its deadline. */
  public List<RunEvent> timeOut(RunState run, Instant now) {
    if (run.status().isTerminal()) {
      return List.of();
    }
    List<RunEvent> out = cancelActive(run, now, "the run timed out");
    out.add(new RunTimedOut(now));
    return out;
  }

  /** Retrying a failed, cancelled or timed-out run from the steps that did not complete. */
  public List<RunEvent> retry(RunState run, String by, Instant now) {
    if (run.status() == RunStatus.COMPLETED || !run.status().isTerminal()) {
      return List.of();
    }
    List<String> paths = new ArrayList<>();
    for (StepState s : run.steps()) {
      if (s.status() == StepStatus.FAILED || s.status() == StepStatus.CANCELLED) {
        paths.add(s.path());
      }
    }
    return List.of(new RunRetried(now, paths, by));
  }

  /**
   * An answer to the wait {@code waitId}: a person's input, an event's payload, or a child run's
   * outputs. Returns nothing when the wait is no longer open (answered already, or timed out).
   */
  public List<RunEvent> resolve(
      RunState run, String path, String waitId, Object value, String by, Instant now) {
    StepState s = run.step(path);
    if (s == null || s.status() != StepStatus.WAITING || !waitId.equals(s.waitId())) {
      return List.of();
    }
    if (resumesHandler(s)) {
      // The handler asked (AwaitInput): it runs again, in the same attempt, with the answer.
      return List.of(
          new WaitResolved(now, waitId, path, value, by),
          new io.baton.api.run.RunEvent.StepScheduled(now, path, s.attempt(), s.input()));
    }
    return List.of(
        new WaitResolved(now, waitId, path, value, by), Planner.completed(now, s, value));
  }

  /** The detail marking a person's wait whose answer goes back to the step's handler. */
  static final String RESUME = "resumeHandler";

  /** Whether the step waits on a question its handler asked, to be called again with the answer. */
  static boolean resumesHandler(StepState s) {
    return s.waitDetails() != null && Boolean.TRUE.equals(s.waitDetails().get(RESUME));
  }

  /**
   * A step's handler returned an {@link io.baton.api.spi.AwaitInput}: the step waits for a person,
   * like a human step, with the wait id {@code <run>:<path>:<attempt>:<key>}.
   */
  public List<RunEvent> awaitInput(
      RunState run, String path, int attempt, io.baton.api.spi.AwaitInput ask, Instant now) {
    StepState s = run.step(path);
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("prompt", ask.prompt());
    details.put("form", ask.form());
    details.put("assignees", ask.assignees());
    details.put(RESUME, true);
    java.time.Duration timeout = s.step().timeout();
    return List.of(
        new io.baton.api.run.RunEvent.StepWaiting(
            now,
            path,
            attempt,
            StepStarts.waitId(run, s) + ":" + ask.key(),
            WaitKind.HUMAN,
            timeout == null ? null : now.plus(timeout),
            details));
  }

  /** A child run ended without completing: the subworkflow step fails with its failure. */
  public List<RunEvent> childFailed(
      RunState run, String path, String waitId, StepFailure failure, Instant now) {
    StepState s = run.step(path);
    if (s == null || s.status() != StepStatus.WAITING || !waitId.equals(s.waitId())) {
      return List.of();
    }
    return failures.fail(run, path, s.attempt(), failure, now);
  }

  /** A running attempt passed its timeout. */
  public List<RunEvent> attemptTimedOut(RunState run, String path, int attempt, Instant now) {
    StepState s = run.step(path);
    if (s == null || s.attempt() != attempt || s.status() != StepStatus.RUNNING) {
      return List.of();
    }
    String message =
        "step '"
            + path
            + "' did not finish within "
            + s.step().timeout()
            + " (attempt "
            + attempt
            + ")";
    return failures.fail(run, path, attempt, StepFailure.of(ErrorKind.TIMEOUT, message), now);
  }

  List<RunEvent> deadlinePassed(RunState run, StepState s, Instant now) {
    if (s.waitKind() == WaitKind.TIMER) {
      return List.of(Planner.completed(now, s, Map.of("firedAt", s.deadline().toString())));
    }
    if (s.waitKind() == WaitKind.HUMAN
        && s.step().definition() instanceof HumanStep human
        && !s.escalated) {
      switch (human.onTimeout()) {
        case USE_DEFAULT -> {
          return List.of(
              new WaitResolved(now, s.waitId(), s.path(), human.defaultValue(), "timeout"),
              Planner.completed(now, s, human.defaultValue()));
        }
        case SKIP -> {
          return List.of(new StepSkipped(now, s.path(), "nobody answered in time"));
        }
        case FAIL -> {}
      }
    }
    String message =
        switch (s.waitKind()) {
          case HUMAN -> "nobody answered step '" + s.path() + "' in time";
          case EVENT ->
              "no event '"
                  + s.waitDetails().get("event")
                  + "' arrived in time for step '"
                  + s.path()
                  + "'";
          default -> "step '" + s.path() + "' did not finish in time";
        };
    return failures.fail(
        run, s.path(), s.attempt(), StepFailure.of(ErrorKind.TIMEOUT, message), now);
  }

  /**
   * The run's decider hit an internal error: every active step is cancelled and the run fails with
   * {@code failure}, as for any other failure, so that nothing is left running and the run can be
   * retried.
   */
  public List<RunEvent> internalError(RunState run, StepFailure failure, Instant now) {
    if (run.status().isTerminal()) {
      return List.of();
    }
    List<RunEvent> out = cancelActive(run, now, "the engine failed the run");
    out.add(new io.baton.api.run.RunEvent.RunFailed(now, failure, null));
    return out;
  }

  /** Cancels every step that has not ended. */
  static List<RunEvent> cancelActive(RunState run, Instant now, String reason) {
    return cancelWithin(run, "", now, reason);
  }

  /** Cancels every step under {@code prefix} that has not ended. */
  static List<RunEvent> cancelWithin(RunState run, String prefix, Instant now, String reason) {
    List<RunEvent> out = new ArrayList<>();
    for (StepState s : run.steps()) {
      if (!s.isEnded() && s.path().startsWith(prefix)) {
        out.add(new StepCancelled(now, s.path(), reason));
      }
    }
    return out;
  }
}
