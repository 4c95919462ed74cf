package io.baton.engine.planner;

import io.baton.api.definition.EndStep;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.ScopeOpened;
import io.baton.api.run.RunEvent.StepCancelled;
import io.baton.api.run.RunEvent.StepCompleted;
import io.baton.api.run.RunEvent.StepFailed;
import io.baton.api.run.RunEvent.StepProgress;
import io.baton.api.run.RunEvent.StepScheduled;
import io.baton.api.run.RunEvent.StepSkipped;
import io.baton.api.run.RunEvent.StepStarted;
import io.baton.api.run.RunEvent.StepWaiting;
import io.baton.api.run.RunEvent.WaitResolved;
import io.baton.api.run.RunStatus;
import io.baton.api.run.StepStatus;
import io.baton.api.spi.AwaitInput;
import io.baton.engine.graph.CompiledScope;
import io.baton.engine.graph.CompiledStep;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step half of a run's state: every step's {@link StepState}, the scope instances that hold
 * them, and the candidates the planner examines next. It applies the events that concern one step
 * (or open a scope) and keeps the counts that tell a running run from a waiting one, and each
 * owner's count of ended and failed scopes, in step with them. Owned by its {@link RunState}.
 */
final class StepTransitions {
  /** Up to this many candidates the set's table stays small enough to be cleared and kept. */
  private static final int SMALL_CANDIDATE_SET = 32;

  private final RunState run;
  private final Map<String, StepState> steps = new LinkedHashMap<>();
  private final Map<String, ScopeInstance> scopes = new HashMap<>();
  private final Map<String, Integer> attemptsBefore = new HashMap<>();
  private final Map<String, Integer> dependenciesSeenEnded = new HashMap<>();
  private Map<String, Candidate> candidates = new LinkedHashMap<>();
  private final StepCounts counts = new StepCounts();
  private StepState endReached;

  StepTransitions(RunState run) {
    this.run = run;
  }

  /** Applies an event that concerns the step at {@code path}. */
  void apply(String path, RunEvent event) {
    StepState before = steps.get(path);
    int categoryBefore = StepCounts.category(before);
    ScopeInstance scope = before != null ? before.scope : scopeOf(path);
    boolean wasEnded = scope != null && scope.allEnded();
    boolean wasFailed = scope != null && scope.hasUnhandledFailure();
    applyStepEvent(event);
    counts.moved(categoryBefore, steps.get(path));
    if (scope != null) {
      settle(scope, wasEnded, wasFailed);
    }
  }

  private void applyStepEvent(RunEvent event) {
    switch (event) {
      case StepScheduled e -> onScheduled(e);
      case StepStarted e -> onStarted(e);
      case StepCompleted e -> onCompleted(e);
      case StepFailed e -> onFailed(e);
      case StepSkipped e -> end(stateFor(e.path()), StepStatus.SKIPPED, e.at());
      case StepCancelled e -> end(steps.get(e.path()), StepStatus.CANCELLED, e.at());
      case StepWaiting e -> onWaiting(e);
      case WaitResolved e -> onResolved(e);
      case ScopeOpened e -> openScope(steps.get(e.path()), e.key());
      case StepProgress e -> steps.get(e.path()).recordProgress(e.attempt(), e.key(), e.value());
      default ->
          throw new IllegalArgumentException("not an event of one step: " + event.getClass());
    }
  }

  /** Keeps the owner's counts of ended and failed scopes in step with a scope's change. */
  private void settle(ScopeInstance scope, boolean wasEnded, boolean wasFailed) {
    StepState owner = scope.ownerPath() == null ? null : steps.get(scope.ownerPath());
    if (owner != null) {
      owner.scopesEnded += (scope.allEnded() ? 1 : 0) - (wasEnded ? 1 : 0);
      owner.scopesFailed += (scope.hasUnhandledFailure() ? 1 : 0) - (wasFailed ? 1 : 0);
    }
  }

  private ScopeInstance scopeOf(String path) {
    int slash = path.lastIndexOf('/');
    return scopes.get(slash < 0 ? "" : path.substring(0, slash + 1));
  }

  /** Opens the top-level scope of a run that has just started. */
  void openRoot(CompiledScope root) {
    ScopeInstance scope = new ScopeInstance("", null, null, null, root, Map.of());
    scopes.put("", scope);
    addRoots(scope);
  }

  private void onStarted(StepStarted e) {
    StepState s = steps.get(e.path());
    s.status = StepStatus.RUNNING;
    s.startedAt = e.at();
    s.invalidate();
    if (s.step.kind().isComposite()) {
      // A composite's work (opening its branches, items or iterations) is done by the planner:
      // nothing else would make it look at the step again, so starting it makes it a candidate.
      candidates.put(s.path, new Candidate(s.scope, s.step));
    }
  }

  private void onResolved(WaitResolved e) {
    StepState s = steps.get(e.path());
    s.waitId = null;
    if (Controls.resumesHandler(s)) {
      s.answer = new AwaitInput.Answer(e.waitId(), e.value(), e.by());
    }
  }

  private void onScheduled(StepScheduled e) {
    StepState s = stateFor(e.path());
    if (e.attempt() != s.attempt) {
      s.answer = null;
      s.newAttempt();
    }
    if (s.status.isTerminal()) {
      // Scheduled again after it ended (a fork's copied history of a retried run): undo its end's
      // counts.
      dependenciesSeenEnded.clear();
      s.scope.ended--;
      if (s.isUnhandledFailure()) {
        s.scope.unhandledFailures--;
      }
    }
    s.status = StepStatus.READY;
    s.attempt = e.attempt();
    s.input = e.input();
    s.retryAt = null;
    s.endedAt = null;
    s.invalidate();
  }

  private void onCompleted(StepCompleted e) {
    StepState s = steps.get(e.path());
    s.output = e.output();
    s.waitId = null;
    s.waitKind = null;
    s.deadline = null;
    end(s, StepStatus.COMPLETED, e.at());
    if (s.step.definition() instanceof EndStep && endReached == null) {
      endReached = s;
    }
  }

  private void onFailed(StepFailed e) {
    StepState s = steps.get(e.path());
    s.failure = e.failure();
    s.waitId = null;
    s.deadline = null;
    if (e.retryAt() != null) {
      s.status = StepStatus.READY;
      s.retryAt = e.retryAt();
      s.invalidate();
      candidates.put(s.path, new Candidate(s.scope, s.step));
    } else {
      end(s, StepStatus.FAILED, e.at());
    }
  }

  private void onWaiting(StepWaiting e) {
    StepState s = steps.get(e.path());
    if (s.status.isTerminal()) {
      dependenciesSeenEnded.clear();
      s.scope.ended--;
      if (s.isUnhandledFailure()) {
        s.scope.unhandledFailures--;
      }
      s.escalated = true;
    }
    s.status = StepStatus.WAITING;
    s.waitId = e.waitId();
    s.waitKind = e.kind();
    s.deadline = e.deadline();
    s.waitDetails = e.details();
    s.endedAt = null;
    s.invalidate();
  }

  private void end(StepState s, StepStatus newStatus, Instant at) {
    if (!s.status.isTerminal()) {
      s.scope.ended++;
    } else if (s.isUnhandledFailure()) {
      s.scope.unhandledFailures--;
    }
    s.status = newStatus;
    s.endedAt = at;
    s.retryAt = null;
    s.invalidate();
    if (s.isUnhandledFailure()) {
      s.scope.unhandledFailures++;
    }
    for (CompiledStep next : s.step.successors()) {
      candidates.put(s.scope.pathOf(next.id()), new Candidate(s.scope, next));
    }
    touchOwner(s.scope);
  }

  private void touchOwner(ScopeInstance scope) {
    if (scope.ownerPath() != null) {
      StepState owner = steps.get(scope.ownerPath());
      candidates.put(owner.path, new Candidate(owner.scope, owner.step));
    }
  }

  private void openScope(StepState owner, String key) {
    owner.scopeKeys.add(key);
    CompiledStep step = owner.step;
    CompiledScope body =
        step.children().size() == 1 ? step.children().getFirst() : step.branch(key);
    String prefix = owner.path + "[" + key + "]/";
    ScopeInstance scope =
        new ScopeInstance(
            prefix, owner.scope, owner.path, key, body, ScopeResults.variablesOf(run, owner, key));
    scopes.put(prefix, scope);
    addRoots(scope);
    if (body.steps().isEmpty()) {
      owner.scopesEnded++;
      touchOwner(scope);
    }
  }

  private void addRoots(ScopeInstance scope) {
    for (CompiledStep root : scope.scope().roots()) {
      candidates.put(scope.pathOf(root.id()), new Candidate(scope, root));
    }
  }

  /** Re-opens the steps a retry of the run starts again; their earlier attempts are kept. */
  void retry(List<String> paths) {
    dependenciesSeenEnded.clear();
    for (String path : paths) {
      StepState s = steps.get(path);
      s.scope.ended--;
      if (s.isUnhandledFailure()) {
        s.scope.unhandledFailures--;
      }
      if (s.step.kind().isComposite()) {
        s.status = StepStatus.RUNNING;
        s.endedAt = null;
        s.invalidate();
      } else {
        attemptsBefore.put(path, s.attempt);
        steps.remove(path);
      }
      candidates.put(path, new Candidate(s.scope, s.step));
    }
    recount();
  }

  private void recount() {
    counts.recount(steps.values());
    for (StepState s : steps.values()) {
      s.scopesEnded = 0;
      s.scopesFailed = 0;
    }
    for (ScopeInstance scope : scopes.values()) {
      settle(scope, false, false);
    }
  }

  /** Makes every step of every open scope a candidate (after a resume). */
  void rescanAll() {
    for (ScopeInstance scope : scopes.values()) {
      for (CompiledStep step : scope.scope().steps()) {
        candidates.put(scope.pathOf(step.id()), new Candidate(scope, step));
      }
    }
  }

  StepState stateFor(String path) {
    StepState s = steps.get(path);
    if (s == null) {
      Candidate c = candidates.get(path);
      if (c == null) {
        c = locate(path);
      }
      s = new StepState(path, c.step(), c.scope());
      steps.put(path, s);
      dependenciesSeenEnded.remove(path);
    }
    return s;
  }

  private Candidate locate(String path) {
    int slash = path.lastIndexOf('/');
    String prefix = slash < 0 ? "" : path.substring(0, slash + 1);
    ScopeInstance scope = scopes.get(prefix);
    if (scope == null) {
      throw new IllegalStateException("run " + run.runId() + " has no scope for step path " + path);
    }
    return new Candidate(scope, run.workflow().step(path.substring(slash + 1)));
  }

  /** Takes the steps to examine, clearing the set. */
  Collection<Candidate> takeCandidates() {
    if (candidates.isEmpty()) {
      return List.of();
    }
    if (candidates.size() > SMALL_CANDIDATE_SET) {
      // A new set rather than clear(), which costs the table's capacity: a wide fan-out grows it
      // to thousands, and every later drain would pay that.
      Collection<Candidate> taken = candidates.values();
      candidates = new LinkedHashMap<>();
      return taken;
    }
    var taken = List.copyOf(candidates.values());
    candidates.clear();
    return taken;
  }

  /** Marks a step to be examined again. */
  void touch(String path) {
    StepState s = steps.get(path);
    if (s != null) {
      candidates.put(path, new Candidate(s.scope, s.step));
    }
  }

  /**
   * How many of the pending step's dependencies, in order, were seen ended: those need not be
   * looked at again, since a step that ended stays ended (until a retry or an escalation, which
   * forget every count).
   */
  int dependenciesSeenEnded(String path) {
    return dependenciesSeenEnded.getOrDefault(path, 0);
  }

  void dependenciesSeenEnded(String path, int count) {
    dependenciesSeenEnded.put(path, count);
  }

  /** A running run's effective status: WAITING when only suspended steps remain. */
  RunStatus runningStatus() {
    return counts.runningStatus();
  }

  StepState step(String path) {
    return steps.get(path);
  }

  Collection<StepState> steps() {
    return steps.values();
  }

  ScopeInstance scope(String prefix) {
    return scopes.get(prefix);
  }

  StepState endReached() {
    return endReached;
  }

  int nextAttempt(String path) {
    StepState s = steps.get(path);
    int base = s != null ? s.attempt : attemptsBefore.getOrDefault(path, 0);
    return base + 1;
  }

  int attemptsBeforeRetry(String path) {
    return attemptsBefore.getOrDefault(path, 0);
  }
}
