package io.baton.engine.planner;

import io.baton.api.definition.EndStep;
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
import io.baton.api.run.StepFailure;
import io.baton.api.run.StepStatus;
import io.baton.engine.graph.CompiledScope;
import io.baton.engine.graph.CompiledStep;
import io.baton.engine.graph.CompiledWorkflow;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of one run: the fold of its journal. {@link #apply} is the only place it changes, so
 * replaying a journal rebuilds exactly the state the run had. Not thread-safe: owned by the run's
 * decider.
 */
public final class RunState {
  private final String runId;
  private final CompiledWorkflow workflow;
  private final Map<String, StepState> steps = new LinkedHashMap<>();
  private final Map<String, ScopeInstance> scopes = new HashMap<>();
  private final Map<String, Integer> attemptsBefore = new HashMap<>();
  private final Map<String, Candidate> candidates = new LinkedHashMap<>();
  private final StepCounts counts = new StepCounts();
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
  private StepState endReached;
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
    StepState before = path == null ? null : steps.get(path);
    int categoryBefore = StepCounts.category(before);
    ScopeInstance scope = before != null ? before.scope : path == null ? null : scopeOf(path);
    boolean wasEnded = scope != null && scope.allEnded();
    boolean wasFailed = scope != null && scope.hasUnhandledFailure();
    applyEvent(event);
    if (path != null) {
      counts.moved(categoryBefore, steps.get(path));
      if (scope != null) {
        settle(scope, wasEnded, wasFailed);
      }
    } else if (event instanceof RunRetried) {
      recount();
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

  private void applyEvent(RunEvent event) {
    switch (event) {
      case RunStarted e -> onStarted(e);
      case StepScheduled e -> onScheduled(e);
      case StepStarted e -> {
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
      case StepCompleted e -> onCompleted(e);
      case StepFailed e -> onFailed(e);
      case StepSkipped e -> end(stateFor(e.path()), StepStatus.SKIPPED, e.at());
      case StepCancelled e -> end(steps.get(e.path()), StepStatus.CANCELLED, e.at());
      case StepWaiting e -> onWaiting(e);
      case WaitResolved e -> onResolved(e);
      case ScopeOpened e -> openScope(steps.get(e.path()), e.key());
      case StepProgress e -> steps.get(e.path()).recordProgress(e.attempt(), e.key(), e.value());
      case RunPaused e -> status = RunStatus.PAUSED;
      case RunResumed e -> {
        status = RunStatus.RUNNING;
        rescanAll();
      }
      case RunRetried e -> onRetried(e);
      case RunCompleted e -> finish(RunStatus.COMPLETED, e.at(), e.outputs());
      case RunFailed e -> {
        failure = e.failure();
        failedPath = e.path();
        finish(RunStatus.FAILED, e.at(), null);
      }
      case RunCancelled e -> finish(RunStatus.CANCELLED, e.at(), null);
      case RunTimedOut e -> finish(RunStatus.TIMED_OUT, e.at(), null);
    }
  }

  private void onStarted(RunStarted e) {
    status = RunStatus.RUNNING;
    inputs = e.inputs() == null ? Map.of() : e.inputs();
    priority = e.priority() == null ? Priority.DEFAULT : e.priority();
    parentRunId = e.parentRunId();
    parentStepPath = e.parentStepPath();
    startedAt = e.at();
    ScopeInstance root = new ScopeInstance("", null, null, null, workflow.root(), Map.of());
    scopes.put("", root);
    addRoots(root);
  }

  private void onResolved(WaitResolved e) {
    StepState s = steps.get(e.path());
    s.waitId = null;
    if (Controls.resumesHandler(s)) {
      s.answer = new io.baton.api.spi.AwaitInput.Answer(e.waitId(), e.value(), e.by());
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
            prefix, owner.scope, owner.path, key, body, ScopeResults.variablesOf(this, owner, key));
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

  private void onRetried(RunRetried e) {
    status = RunStatus.RUNNING;
    failure = null;
    failedPath = null;
    endedAt = null;
    for (String path : e.paths()) {
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
  }

  private void finish(RunStatus newStatus, Instant at, Object newOutputs) {
    status = newStatus;
    endedAt = at;
    outputs = newOutputs;
  }

  private void rescanAll() {
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
    }
    return s;
  }

  private Candidate locate(String path) {
    int slash = path.lastIndexOf('/');
    String prefix = slash < 0 ? "" : path.substring(0, slash + 1);
    ScopeInstance scope = scopes.get(prefix);
    if (scope == null) {
      throw new IllegalStateException("run " + runId + " has no scope for step path " + path);
    }
    return new Candidate(scope, workflow.step(path.substring(slash + 1)));
  }

  /** Takes the steps to examine, clearing the set. */
  public Collection<Candidate> takeCandidates() {
    if (candidates.isEmpty()) {
      return java.util.List.of();
    }
    var taken = java.util.List.copyOf(candidates.values());
    candidates.clear();
    return taken;
  }

  /** Marks a step to be examined again (a timer or answer concerns it). */
  public void touch(String path) {
    StepState s = steps.get(path);
    if (s != null) {
      candidates.put(path, new Candidate(s.scope, s.step));
    }
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
    return counts.runningStatus();
  }

  /** The state of the step at {@code path}, or null if it has none yet. */
  public StepState step(String path) {
    return steps.get(path);
  }

  /** Every step with state, in the order they were first touched. */
  public Collection<StepState> steps() {
    return steps.values();
  }

  /** The scope instance with this prefix ({@code ""} for the top level), or null. */
  public ScopeInstance scope(String prefix) {
    return scopes.get(prefix);
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
    return endReached;
  }

  /** How many events have been applied: the journal position of the next one. */
  public long applied() {
    return applied;
  }

  /** The attempt number the next attempt of {@code path} gets. */
  public int nextAttempt(String path) {
    StepState s = steps.get(path);
    int base = s != null ? s.attempt : attemptsBefore.getOrDefault(path, 0);
    return base + 1;
  }

  /** The attempts made before the last retry of the run, for counting a step's retries. */
  public int attemptsBeforeRetry(String path) {
    return attemptsBefore.getOrDefault(path, 0);
  }
}
