package io.baton.engine.planner;

import io.baton.api.definition.MapStep;
import io.baton.api.run.StepStatus;
import io.baton.engine.expression.Template;
import io.baton.engine.graph.CompiledStep;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The variables a composite binds in its scopes, and the value each scope yields. */
final class ScopeResults {
  private ScopeResults() {}

  /** The variables of scope {@code key} of {@code owner}. */
  static Map<String, Object> variablesOf(RunState run, StepState owner, String key) {
    Map<String, Object> vars = new HashMap<>(4);
    switch (owner.step.kind()) {
      case MAP -> {
        int index = Integer.parseInt(key);
        vars.put(((MapStep) owner.step.definition()).as(), itemsOf(owner).get(index));
        vars.put("index", index);
      }
      case LOOP -> {
        int iteration = Integer.parseInt(key);
        vars.put("iteration", iteration);
        vars.put(
            "previous",
            iteration == 0 ? null : resultOf(run, owner, String.valueOf(iteration - 1)));
      }
      default -> {}
    }
    return vars;
  }

  /** The list a map step iterates over (resolved when it was scheduled). */
  @SuppressWarnings("unchecked")
  static List<Object> itemsOf(StepState map) {
    return (List<Object>) ((Map<String, Object>) map.input).get("items");
  }

  /**
   * The value scope {@code key} of {@code owner} yields: its {@code result} template, or its last
   * step's output.
   */
  static Object resultOf(RunState run, StepState owner, String key) {
    ScopeInstance scope = run.scope(owner.path + "[" + key + "]/");
    Template template = owner.step.template("result");
    if (template != null) {
      return template.render(new StepVariables(run, scope, null, Map.of()));
    }
    if (scope.scope().steps().isEmpty()) {
      return null;
    }
    CompiledStep last = scope.scope().lastStep();
    StepState state = run.step(scope.pathOf(last.id()));
    return state != null && state.status == StepStatus.COMPLETED ? state.output : null;
  }
}
