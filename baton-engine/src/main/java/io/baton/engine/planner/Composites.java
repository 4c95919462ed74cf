package io.baton.engine.planner;

import io.baton.api.definition.LoopStep;
import io.baton.api.definition.MapStep;
import io.baton.api.definition.ParallelMode;
import io.baton.api.definition.ParallelStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.ScopeOpened;
import io.baton.api.run.StepFailure;
import io.baton.api.spi.ExpressionException;
import io.baton.engine.graph.CompiledScope;
import io.baton.engine.graph.CompiledStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress of the composite steps: opening branches, items and iterations, and ending when they
 * have.
 */
final class Composites {
  private final Failures failures;

  Composites(Failures failures) {
    this.failures = failures;
  }

  void progress(RunState run, StepState s, Instant now, List<RunEvent> out) {
    switch (s.step().kind()) {
      case PARALLEL -> parallel(run, s, now, out);
      case MAP -> map(run, s, now, out);
      case LOOP -> loop(run, s, now, out);
      default -> throw new IllegalStateException(s.path() + " is not a composite step");
    }
  }

  private void parallel(RunState run, StepState s, Instant now, List<RunEvent> out) {
    if (s.scopeKeys().isEmpty()) {
      for (CompiledScope branch : s.step().children()) {
        out.add(new ScopeOpened(now, s.path(), branch.branchId()));
      }
      return;
    }
    if (((ParallelStep) s.step().definition()).mode() == ParallelMode.FAIL_FAST) {
      // Every branch is checked before any is waited for: a failure in a later branch must not wait
      // for the earlier branches to settle.
      for (String key : s.scopeKeys()) {
        ScopeInstance scope = scopeOf(run, s, key);
        if (scope.hasUnhandledFailure()) {
          failComposite(run, s, "branch '" + key + "'", scope, now, out);
          return;
        }
      }
    }
    if (s.scopesEnded < s.scopeKeys().size() && s.scopesFailed == 0) {
      // Some branch is still going and none failed: no branch can be settled-but-not-ended, so the
      // results need not be looked at (the step is examined at every branch's end).
      return;
    }
    Map<String, Object> results = new LinkedHashMap<>();
    for (String key : s.scopeKeys()) {
      ScopeInstance scope = scopeOf(run, s, key);
      if (!settled(run, scope)) {
        return;
      }
      results.put(key, branchResult(run, s, key, scope));
    }
    out.add(Planner.completed(now, s, results));
  }

  private Map<String, Object> branchResult(
      RunState run, StepState s, String key, ScopeInstance scope) {
    Map<String, Object> r = new LinkedHashMap<>();
    StepState failed = firstFailure(run, scope);
    r.put("status", failed == null ? "completed" : "failed");
    r.put("value", failed == null ? ScopeResults.resultOf(run, s, key) : null);
    r.put("error", failed == null ? null : StepState.errorMap(failed.failure()));
    return r;
  }

  private void map(RunState run, StepState s, Instant now, List<RunEvent> out) {
    List<Object> items = ScopeResults.itemsOf(s);
    int limit = ((MapStep) s.step().definition()).maxConcurrency();
    if (s.scopesFailed > 0) {
      for (String key : s.scopeKeys()) {
        ScopeInstance scope = scopeOf(run, s, key);
        if (scope.hasUnhandledFailure()) {
          failComposite(run, s, "item " + key, scope, now, out);
          return;
        }
      }
    }
    int open = s.scopeKeys().size() - s.scopesEnded;
    int next = s.scopeKeys().size();
    while (next < items.size() && (limit == 0 || open < limit)) {
      out.add(new ScopeOpened(now, s.path(), String.valueOf(next++)));
      open++;
    }
    if (open == 0 && next == items.size()) {
      List<Object> results = new ArrayList<>(items.size());
      for (String key : s.scopeKeys()) {
        results.add(ScopeResults.resultOf(run, s, key));
      }
      out.add(Planner.completed(now, s, results));
    }
  }

  private void loop(RunState run, StepState s, Instant now, List<RunEvent> out) {
    LoopStep def = (LoopStep) s.step().definition();
    int done = s.scopeKeys().size();
    // An iteration opens only once the one before ended well: only the newest can be running or
    // failed, so looking at it alone keeps a long loop linear (results are gathered once, at the
    // end).
    Object last = null;
    if (done > 0) {
      String key = s.scopeKeys().getLast();
      ScopeInstance scope = scopeOf(run, s, key);
      if (scope.hasUnhandledFailure()) {
        failComposite(run, s, "iteration " + key, scope, now, out);
        return;
      }
      if (!scope.allEnded()) {
        return;
      }
      last = ScopeResults.resultOf(run, s, key);
    }
    try {
      if ((done > 0 && holds(run, s, "until", done - 1, last, true))
          || done >= def.maxIterations()
          || !holds(run, s, "while", done, last, false)) {
        out.add(Planner.completed(now, s, loopOutput(done, last, results(run, s))));
      } else {
        out.add(new ScopeOpened(now, s.path(), String.valueOf(done)));
      }
    } catch (ExpressionException e) {
      out.addAll(
          failures.fail(
              run,
              s.path(),
              s.attempt(),
              StepFailure.of(ErrorKind.EXPRESSION, e.getMessage()),
              now));
    }
  }

  /**
   * Evaluates the loop's {@code while} or {@code until}; a missing one means {@code absent}'s
   * opposite.
   */
  private static boolean holds(
      RunState run, StepState s, String field, int iteration, Object last, boolean absent) {
    var expression = s.step().expression(field);
    if (expression == null) {
      return !absent;
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("iteration", iteration);
    extra.put("previous", last);
    extra.put("result", last);
    return StepInputs.condition(expression, new StepVariables(run, s.scope(), s.step(), extra));
  }

  private static List<Object> results(RunState run, StepState loop) {
    List<Object> results = new ArrayList<>(loop.scopeKeys().size());
    for (String key : loop.scopeKeys()) {
      results.add(ScopeResults.resultOf(run, loop, key));
    }
    return results;
  }

  private static Map<String, Object> loopOutput(int iterations, Object last, List<Object> results) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("iterations", iterations);
    out.put("result", last);
    out.put("results", results);
    return out;
  }

  private void failComposite(
      RunState run,
      StepState s,
      String what,
      ScopeInstance scope,
      Instant now,
      List<RunEvent> out) {
    StepState failed = firstFailure(run, scope);
    out.addAll(Controls.cancelWithin(run, s.path() + "[", now, what + " failed"));
    StepFailure cause = failed.failure();
    StepFailure wrapped =
        new StepFailure(
            cause.kind(),
            what + " of '" + s.path() + "' failed: " + cause.message(),
            false,
            Map.of("failedStep", failed.path()));
    out.addAll(failures.fail(run, s.path(), s.attempt(), wrapped, now));
  }

  /**
   * Whether nothing more will happen in a scope: all ended, or failed with nothing left running.
   */
  private static boolean settled(RunState run, ScopeInstance scope) {
    if (scope.allEnded()) {
      return true;
    }
    if (!scope.hasUnhandledFailure()) {
      return false;
    }
    for (CompiledStep step : scope.scope().steps()) {
      StepState st = run.step(scope.pathOf(step.id()));
      if (st != null && !st.isEnded()) {
        return false;
      }
    }
    return true;
  }

  private static StepState firstFailure(RunState run, ScopeInstance scope) {
    for (CompiledStep step : scope.scope().steps()) {
      StepState st = run.step(scope.pathOf(step.id()));
      if (st != null && st.isUnhandledFailure()) {
        return st;
      }
    }
    return null;
  }

  private static ScopeInstance scopeOf(RunState run, StepState owner, String key) {
    return run.scope(owner.path() + "[" + key + "]/");
  }
}
