package io.baton.engine.planner;

import io.baton.api.definition.JoinMode;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.RunCompleted;
import io.baton.api.run.RunEvent.RunFailed;
import io.baton.api.run.RunEvent.StepCompleted;
import io.baton.api.run.RunEvent.StepScheduled;
import io.baton.api.run.RunEvent.StepSkipped;
import io.baton.api.run.RunStatus;
import io.baton.api.run.StepException;
import io.baton.api.run.StepFailure;
import io.baton.api.run.StepStatus;
import io.baton.api.spi.ExpressionException;
import io.baton.engine.graph.CompiledStep;
import io.baton.engine.graph.Guard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pure heart of the engine: given a run's state and the time, decides what happens next, as the
 * events to journal. No I/O, no threads, no clock: everything it needs is in its arguments, so it
 * is tested without any infrastructure and a replay of its decisions is exact.
 */
public final class Planner {
  private final Failures failures = new Failures();
  private final Composites composites = new Composites(failures);
  private final Controls controls = new Controls(failures);

  /**
   * The next decisions for {@code run}: steps to schedule, skip, retry or time out, scopes to open,
   * and the run's end. Examines only the steps whose dependencies changed since the last call.
   */
  public List<RunEvent> plan(RunState run, Instant now) {
    List<RunEvent> out = new ArrayList<>();
    if (run.status() != RunStatus.RUNNING) {
      return out;
    }
    for (Candidate c : run.takeCandidates()) {
      StepState s = run.step(c.path());
      if (s == null) {
        examinePending(run, c, now, out);
      } else {
        examine(run, s, now, out);
      }
    }
    if (out.isEmpty()) {
      finishRun(run, now, out);
    }
    return out;
  }

  /** What starting a just-scheduled step means, for steps the engine carries out itself. */
  public List<RunEvent> start(RunState run, String path, Instant now) {
    return StepStarts.start(run, run.step(path), now);
  }

  /** Decisions for a failed attempt: a retry, an escalation to a person, or the final failure. */
  public List<RunEvent> fail(
      RunState run, String path, int attempt, StepFailure failure, Instant now) {
    return failures.fail(run, path, attempt, failure, now);
  }

  /** The control operations (pause, cancel, answers, timeouts, retries). */
  public Controls controls() {
    return controls;
  }

  private void examinePending(RunState run, Candidate c, Instant now, List<RunEvent> out) {
    CompiledStep step = c.step();
    ScopeInstance scope = c.scope();
    if (scope.hasUnhandledFailure()) {
      return;
    }
    String path = c.path();
    String skip = readiness(run, scope, step);
    if (skip == null) {
      return;
    }
    if (!skip.isEmpty()) {
      out.add(new StepSkipped(now, path, skip));
      return;
    }
    Map<String, Object> vars = new StepVariables(run, scope, step, Map.of());
    try {
      if (step.expression("when") != null && !StepInputs.condition(step.expression("when"), vars)) {
        out.add(new StepSkipped(now, path, "its condition is false"));
        return;
      }
      Object input = StepInputs.resolve(step, vars);
      out.add(new StepScheduled(now, path, run.nextAttempt(path), input));
    } catch (ExpressionException e) {
      failBeforeStart(
          run,
          scope,
          step,
          StepFailure.of(ErrorKind.EXPRESSION, "step '" + step.id() + "': " + describe(e)),
          now,
          out);
    } catch (StepException e) {
      failBeforeStart(run, scope, step, e.failure(), now, out);
    }
  }

  private void failBeforeStart(
      RunState run,
      ScopeInstance scope,
      CompiledStep step,
      StepFailure failure,
      Instant now,
      List<RunEvent> out) {
    String path = scope.pathOf(step.id());
    int attempt = run.nextAttempt(path);
    out.add(new StepScheduled(now, path, attempt, null));
    out.add(new RunEvent.StepFailed(now, path, attempt, failure, null));
  }

  private static String describe(ExpressionException e) {
    String where = e.expression() == null ? "" : " in '" + e.expression() + "'";
    String at = e.position() >= 0 ? " at position " + e.position() : "";
    return e.getMessage() + where + at;
  }

  /**
   * Whether a pending step may run: null while it must wait, "" when it is ready, otherwise why it
   * is skipped.
   */
  private static String readiness(RunState run, ScopeInstance scope, CompiledStep step) {
    JoinMode join = step.join();
    if (join != JoinMode.ANY && !allEnded(run, scope, step, scope.pathOf(step.id()))) {
      return null;
    }
    Set<String> explicit = step.explicitDependencies();
    boolean anyCompleted = false;
    boolean allSkipped = !explicit.isEmpty();
    boolean allEnded = true;
    for (CompiledStep dep : step.dependencies()) {
      StepState d = run.step(scope.pathOf(dep.id()));
      boolean ended = d != null && d.isEnded();
      allEnded &= ended;
      if (explicit.contains(dep.id())) {
        boolean completed = ended && d.countsAsCompleted();
        anyCompleted |= completed;
        allSkipped &= ended && !completed;
      }
    }
    if (!allEnded && !(join == JoinMode.ANY && anyCompleted && guardsEnded(run, scope, step))) {
      return null;
    }
    String guard = guardFailure(run, scope, step);
    if (guard != null) {
      return guard;
    }
    return switch (join) {
      case ALL -> allSkipped ? "all its dependencies were skipped" : "";
      case ANY -> anyCompleted || explicit.isEmpty() ? "" : "none of its dependencies completed";
      case ALWAYS -> "";
    };
  }

  /**
   * Whether every dependency has ended. A join of many steps is looked at each time one of them
   * ends, and must not cost its whole fan-in each time: the look starts where the last one stopped.
   */
  private static boolean allEnded(
      RunState run, ScopeInstance scope, CompiledStep step, String path) {
    List<CompiledStep> dependencies = step.dependencies();
    int seen = run.dependenciesSeenEnded(path);
    for (int i = seen; i < dependencies.size(); i++) {
      StepState d = run.step(scope.pathOf(dependencies.get(i).id()));
      if (d == null || !d.isEnded()) {
        if (i > seen) {
          run.dependenciesSeenEnded(path, i);
        }
        return false;
      }
    }
    return true;
  }

  private static boolean guardsEnded(RunState run, ScopeInstance scope, CompiledStep step) {
    for (Guard g : step.guards()) {
      StepState s = run.step(scope.pathOf(g.source().id()));
      if (s == null || !s.isEnded()) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static String guardFailure(RunState run, ScopeInstance scope, CompiledStep step) {
    for (Guard g : step.guards()) {
      StepState s = run.step(scope.pathOf(g.source().id()));
      if (Guard.ON_FAILURE.equals(g.branch())) {
        if (s.status() != StepStatus.FAILED) {
          return "it is the fallback of '" + g.source().id() + "', which did not fail";
        }
      } else if (s.status() != StepStatus.COMPLETED
          || !(s.output() instanceof Map<?, ?> m)
          || !g.branch().equals(((Map<String, Object>) m).get("branch"))) {
        return "branch '" + g.branch() + "' of '" + g.source().id() + "' was not taken";
      }
    }
    return null;
  }

  private void examine(RunState run, StepState s, Instant now, List<RunEvent> out) {
    switch (s.status()) {
      case READY -> {
        if (s.retryAt() != null && !s.retryAt().isAfter(now)) {
          out.add(new StepScheduled(now, s.path(), s.attempt() + 1, s.input()));
        }
      }
      case WAITING -> {
        if (s.deadline() != null && !s.deadline().isAfter(now)) {
          out.addAll(controls.deadlinePassed(run, s, now));
        }
      }
      case RUNNING -> {
        if (s.step().kind().isComposite()) {
          composites.progress(run, s, now, out);
        }
      }
      default -> {}
    }
  }

  private void finishRun(RunState run, Instant now, List<RunEvent> out) {
    StepState end = run.endReached();
    ScopeInstance root = run.scope("");
    if (end != null) {
      out.addAll(
          Controls.cancelActive(run, now, "the workflow reached end step '" + end.path() + "'"));
      out.add(new RunCompleted(now, end.output() != null ? end.output() : outputs(run)));
    } else if (root.hasUnhandledFailure()) {
      StepState failed = firstUnhandledFailure(run, root);
      out.addAll(Controls.cancelActive(run, now, "step '" + failed.path() + "' failed"));
      out.add(new RunFailed(now, failed.failure(), failed.path()));
    } else if (root.allEnded()) {
      out.add(new RunCompleted(now, outputs(run)));
    }
  }

  private static StepState firstUnhandledFailure(RunState run, ScopeInstance scope) {
    for (var step : scope.scope().steps()) {
      StepState s = run.step(scope.pathOf(step.id()));
      if (s != null && s.isUnhandledFailure()) {
        return s;
      }
    }
    throw new IllegalStateException("no failed step in run " + run.runId());
  }

  private static Object outputs(RunState run) {
    var template = run.workflow().outputs();
    ScopeInstance root = run.scope("");
    if (template != null) {
      return template.render(new StepVariables(run, root, null, Map.of()));
    }
    List<CompiledStep> steps = root.scope().steps();
    for (int i = steps.size() - 1; i >= 0; i--) {
      StepState s = run.step(steps.get(i).id());
      if (s != null && s.status() == StepStatus.COMPLETED) {
        return s.output();
      }
    }
    return null;
  }

  static StepCompleted completed(Instant now, StepState s, Object output) {
    return new StepCompleted(now, s.path(), s.attempt(), output);
  }
}
