package io.baton.engine.planner;

import io.baton.api.run.StepStatus;
import io.baton.engine.graph.CompiledStep;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What templates and expressions of a step see: {@code inputs}, {@code steps}, {@code run}, {@code
 * result} and the variables of the enclosing scopes ({@code item}, {@code index}, {@code
 * iteration}, {@code previous}). Lazy: {@code steps} looks a step up only when read, so a step of a
 * long chain costs nothing per other step.
 */
final class StepVariables extends AbstractMap<String, Object> {
  /** The variables every step sees, in the order {@link #entrySet} lists them. */
  private static final List<String> BUILT_IN = List.of("inputs", "steps", "run", "result", "vars");

  private final RunState run;
  private final ScopeInstance scope;
  private final CompiledStep step;
  private final Map<String, Object> extra;

  StepVariables(RunState run, ScopeInstance scope, CompiledStep step, Map<String, Object> extra) {
    this.run = run;
    this.scope = scope;
    this.step = step;
    this.extra = extra;
  }

  @Override
  public Object get(Object key) {
    if (extra.containsKey(key)) {
      return extra.get(key);
    }
    return switch ((String) key) {
      case "inputs" -> run.inputs();
      case "steps" -> new StepsView(run, scope);
      case "run" -> Map.of("id", run.runId(), "workflowId", run.workflow().definition().id());
      case "result" -> nearestResult();
      case "vars" -> Map.of();
      default -> scopeVariable((String) key);
    };
  }

  /**
   * Whether {@code key} is set here, even to null: the run's own variables always are, a scope's
   * only inside it. A variable set to null ({@code previous} in a loop's first iteration, a map's
   * null item) must read as null, not as "not set".
   */
  @Override
  public boolean containsKey(Object key) {
    if (!(key instanceof String)) {
      return false;
    }
    if (extra.containsKey(key) || BUILT_IN.contains(key)) {
      return true;
    }
    for (ScopeInstance s = scope; s != null; s = s.parent()) {
      if (s.variables().containsKey(key)) {
        return true;
      }
    }
    return false;
  }

  private Object scopeVariable(String name) {
    for (ScopeInstance s = scope; s != null; s = s.parent()) {
      if (s.variables().containsKey(name)) {
        return s.variables().get(name);
      }
    }
    return null;
  }

  /** The output of the nearest step upstream (following first dependencies) that completed. */
  private Object nearestResult() {
    if (step == null) {
      return null;
    }
    CompiledStep current = step;
    while (!current.dependencies().isEmpty()) {
      current = current.dependencies().getFirst();
      StepState s = run.step(scope.pathOf(current.id()));
      if (s != null && s.status() == StepStatus.COMPLETED) {
        return s.output();
      }
    }
    return null;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    Map<String, Object> all = new LinkedHashMap<>();
    for (String key : BUILT_IN) {
      all.put(key, get(key));
    }
    for (ScopeInstance s = scope; s != null; s = s.parent()) {
      s.variables().forEach(all::putIfAbsent);
    }
    all.putAll(extra);
    return all.entrySet();
  }

  /**
   * The {@code steps} variable: each visible step by id, looked up through the enclosing scopes.
   */
  private static final class StepsView extends AbstractMap<String, Object> {
    private final RunState run;
    private final ScopeInstance scope;

    StepsView(RunState run, ScopeInstance scope) {
      this.run = run;
      this.scope = scope;
    }

    @Override
    public Object get(Object key) {
      for (ScopeInstance s = scope; s != null; s = s.parent()) {
        StepState state = run.step(s.pathOf((String) key));
        if (state != null) {
          return state.asVariables();
        }
      }
      return null;
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      Map<String, Object> all = new HashMap<>();
      for (ScopeInstance s = scope; s != null; s = s.parent()) {
        for (CompiledStep step : s.scope().steps()) {
          StepState state = run.step(s.pathOf(step.id()));
          if (state != null) {
            all.putIfAbsent(step.id(), state.asVariables());
          }
        }
      }
      return all.entrySet();
    }
  }
}
