package io.baton.engine.planner;

import io.baton.api.definition.ErrorAction;
import io.baton.api.run.StepFailure;
import io.baton.api.run.StepStatus;
import io.baton.api.run.WaitKind;
import io.baton.engine.graph.CompiledStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The state of one step of a run; changed only by {@link RunState#apply}. */
public final class StepState {
  final String path;
  final CompiledStep step;
  final ScopeInstance scope;
  StepStatus status = StepStatus.PENDING;
  int attempt;
  Object input;
  Object output;
  StepFailure failure;
  Instant startedAt;
  Instant endedAt;
  Instant retryAt;
  String waitId;
  WaitKind waitKind;
  Instant deadline;
  Map<String, Object> waitDetails;
  boolean escalated;
  io.baton.api.spi.AwaitInput.Answer answer;
  final List<String> scopeKeys = new ArrayList<>();
  int scopesEnded;
  int scopesFailed;
  private Map<String, Object> variables;
  private Map<String, Object> progress;
  private StepUsage usage;
  private static final String[] STATUS_NAMES =
      java.util.Arrays.stream(StepStatus.values())
          .map(st -> st.name().toLowerCase(java.util.Locale.ROOT))
          .toArray(String[]::new);

  StepState(String path, CompiledStep step, ScopeInstance scope) {
    this.path = path;
    this.step = step;
    this.scope = scope;
  }

  /** The step's path. */
  public String path() {
    return path;
  }

  /** Its compiled definition. */
  public CompiledStep step() {
    return step;
  }

  /** The scope it runs in. */
  public ScopeInstance scope() {
    return scope;
  }

  /** Its status. */
  public StepStatus status() {
    return status;
  }

  /** The current or last attempt. */
  public int attempt() {
    return attempt;
  }

  /** The resolved input of the current attempt. */
  public Object input() {
    return input;
  }

  /** Its output, once completed. */
  public Object output() {
    return output;
  }

  /** The last failure, or null. */
  public StepFailure failure() {
    return failure;
  }

  /** When a retry is due, while it waits for one. */
  public Instant retryAt() {
    return retryAt;
  }

  /** The wait it is suspended on, or null. */
  /**
   * The answer to the question the step's handler asked by returning an {@link
   * io.baton.api.spi.AwaitInput}, for the handler's next call in the same attempt; null otherwise.
   */
  public io.baton.api.spi.AwaitInput.Answer answer() {
    return answer;
  }

  public String waitId() {
    return waitId;
  }

  /** What it waits for, or null. */
  public WaitKind waitKind() {
    return waitKind;
  }

  /** When its wait gives up or fires, or null. */
  public Instant deadline() {
    return deadline;
  }

  /** What the waiter needs to know (prompt, form, event name, child run id). */
  public Map<String, Object> waitDetails() {
    return waitDetails;
  }

  /** When the last attempt started. */
  public Instant startedAt() {
    return startedAt;
  }

  /** When it ended. */
  public Instant endedAt() {
    return endedAt;
  }

  /** The keys of the scopes it opened, in order (branches, items, iterations). */
  public List<String> scopeKeys() {
    return scopeKeys;
  }

  /** Whether it has ended for the purpose of its dependents. */
  public boolean isEnded() {
    return status.isTerminal();
  }

  /**
   * Whether its dependents treat it as having produced a value (completed, or failed with
   * continue).
   */
  public boolean countsAsCompleted() {
    return status == StepStatus.COMPLETED
        || (status == StepStatus.FAILED && step.onError().action() == ErrorAction.CONTINUE);
  }

  /** Whether it failed with {@code onError: fail}: its scope fails. */
  public boolean isUnhandledFailure() {
    return status == StepStatus.FAILED && step.onError().action() == ErrorAction.FAIL;
  }

  /**
   * The step as templates and expressions see it: {@code output}, {@code status}, {@code error}, …
   */
  public Map<String, Object> asVariables() {
    if (variables == null) {
      variables =
          new StepFields(
              output,
              STATUS_NAMES[status.ordinal()],
              attempt,
              failure == null ? null : errorMap(failure));
    }
    return variables;
  }

  static Map<String, Object> errorMap(StepFailure f) {
    Map<String, Object> m = new HashMap<>();
    m.put("kind", f.kind().wireName());
    m.put("message", f.message());
    m.put("retryable", f.retryable());
    return m;
  }

  /**
   * What the current attempt recorded through {@link io.baton.api.spi.StepContext#record}, by key,
   * in the order first recorded; empty when nothing.
   */
  public Map<String, Object> progress() {
    return progress == null ? Map.of() : java.util.Collections.unmodifiableMap(progress);
  }

  /** What all its attempts used, summed from the {@code usage} objects of their progress. */
  public Map<String, Number> usage() {
    return usage == null ? Map.of() : usage.sums();
  }

  void recordProgress(int forAttempt, String key, Object value) {
    if (forAttempt != attempt) {
      return;
    }
    if (progress == null) {
      progress = new java.util.LinkedHashMap<>();
    }
    if (usage == null) {
      usage = new StepUsage();
    }
    usage.replace(progress.put(key, value), value);
  }

  void newAttempt() {
    progress = null;
  }

  void invalidate() {
    variables = null;
  }
}
