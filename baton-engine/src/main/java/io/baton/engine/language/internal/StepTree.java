package io.baton.engine.language.internal;

import io.baton.api.definition.Branch;
import io.baton.api.definition.ConditionStep;
import io.baton.api.definition.CustomStep;
import io.baton.api.definition.EndStep;
import io.baton.api.definition.EventStep;
import io.baton.api.definition.HumanStep;
import io.baton.api.definition.JoinMode;
import io.baton.api.definition.LoopStep;
import io.baton.api.definition.MapStep;
import io.baton.api.definition.ModuleStep;
import io.baton.api.definition.ParallelMode;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.StartStep;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.SubworkflowStep;
import io.baton.api.definition.SwitchCase;
import io.baton.api.definition.SwitchStep;
import io.baton.api.definition.TimeoutAction;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.TransformStep;
import io.baton.api.definition.WaitStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes steps as native-language trees (maps and lists), leaving out what equals the default, so
 * that reading the tree back gives an equal step.
 */
final class StepTree {
  private StepTree() {}

  /** The tree of a list of steps. */
  static List<Object> steps(List<StepDef> steps) {
    List<Object> out = new ArrayList<>();
    steps.forEach(step -> out.add(step(step)));
    return out;
  }

  /** The tree of one step: common fields, then its own. */
  static Map<String, Object> step(StepDef step) {
    Map<String, Object> out = new LinkedHashMap<>();
    head(step.common(), step.type(), out);
    own(step, out);
    tail(step.common(), out);
    return out;
  }

  /** The step's own fields. */
  private static void own(StepDef step, Map<String, Object> out) {
    switch (step) {
      case StartStep s -> {}
      case EndStep e -> put(out, "output", e.output());
      case ConditionStep c -> {
        put(out, "condition", c.condition());
        list(out, "then", c.whenTrue());
        list(out, "else", c.whenFalse());
      }
      case SwitchStep s -> switchStep(s, out);
      case ParallelStep p -> parallel(p, out);
      case MapStep m -> map(m, out);
      case LoopStep l -> loop(l, out);
      default -> simple(step, out);
    }
  }

  private static void simple(StepDef step, Map<String, Object> out) {
    switch (step) {
      case SubworkflowStep s -> {
        put(out, "workflow", s.workflow());
        put(out, "version", s.version());
      }
      case WaitStep w -> waitStep(w, out);
      case HumanStep h -> human(h, out);
      case TransformStep t -> {
        put(out, "expression", t.expression());
        put(out, "value", t.value());
      }
      case EventStep e -> {
        put(out, "event", e.event());
        put(out, "data", e.data());
        put(out, "correlationKey", e.correlationKey());
      }
      case ModuleStep m -> {
        put(out, "module", m.module());
        put(out, "operation", m.operation());
      }
      case ToolStep t -> put(out, "tool", t.tool());
      case CustomStep c -> out.putAll(c.config());
      default -> throw new IllegalStateException("not a simple step: " + step.type());
    }
  }

  /** The common fields that say what the step is and when it runs, written before its own. */
  private static void head(StepCommon c, String type, Map<String, Object> out) {
    put(out, "id", c.id());
    put(out, "type", type);
    put(out, "name", c.name());
    put(out, "description", c.description());
    list(out, "dependsOn", c.dependsOn());
    put(out, "join", c.join() == JoinMode.ALL ? null : EnumText.camel(c.join()));
    put(out, "when", c.when());
  }

  /** The common fields that say how it runs, written after its own. */
  private static void tail(StepCommon c, Map<String, Object> out) {
    put(out, "input", c.input().isEmpty() ? null : c.input());
    put(out, "timeout", c.timeout() == null ? null : DurationText.format(c.timeout()));
    put(out, "retry", c.retry() == null ? null : PolicyTree.retry(c.retry()));
    put(out, "onError", onError(c));
    put(out, "priority", c.priority() == null ? null : EnumText.camel(c.priority()));
    put(out, "resources", c.resources().isEmpty() ? null : PolicyTree.resources(c.resources()));
    put(out, "ui", c.ui().isEmpty() ? null : c.ui());
  }

  private static Object onError(StepCommon c) {
    return switch (c.onError().action()) {
      case FAIL -> null;
      case CONTINUE -> "continue";
      case GOTO -> Map.of("goto", c.onError().target());
    };
  }

  private static void switchStep(SwitchStep s, Map<String, Object> out) {
    put(out, "value", s.value());
    List<Object> cases = new ArrayList<>();
    for (SwitchCase c : s.cases()) {
      Map<String, Object> tree = new LinkedHashMap<>();
      put(tree, "equals", c.equals());
      put(tree, "when", c.when());
      list(tree, "next", c.next());
      cases.add(tree);
    }
    put(out, "cases", cases);
    list(out, "default", s.defaultNext());
  }

  /**
   * Writes the {@code steps} shorthand when every branch is one step named like it, {@code
   * branches} otherwise.
   */
  private static void parallel(ParallelStep p, Map<String, Object> out) {
    put(out, "mode", p.mode() == ParallelMode.ALL_SETTLED ? null : EnumText.camel(p.mode()));
    boolean shorthand =
        !p.branches().isEmpty()
            && p.branches().stream()
                .allMatch(b -> b.steps().size() == 1 && b.steps().getFirst().id().equals(b.id()));
    if (shorthand) {
      put(out, "steps", steps(p.branches().stream().map(b -> b.steps().getFirst()).toList()));
      return;
    }
    List<Object> branches = new ArrayList<>();
    for (Branch b : p.branches()) {
      Map<String, Object> tree = new LinkedHashMap<>();
      tree.put("id", b.id());
      tree.put("steps", steps(b.steps()));
      branches.add(tree);
    }
    put(out, "branches", branches);
  }

  private static void map(MapStep m, Map<String, Object> out) {
    put(out, "items", m.items());
    put(out, "as", m.as().equals("item") ? null : m.as());
    put(out, "maxConcurrency", m.maxConcurrency() == 0 ? null : m.maxConcurrency());
    put(out, "steps", steps(m.steps()));
    put(out, "result", m.result());
  }

  private static void loop(LoopStep l, Map<String, Object> out) {
    put(out, "while", l.whileCondition());
    put(out, "until", l.untilCondition());
    put(
        out,
        "maxIterations",
        l.maxIterations() == LoopStep.DEFAULT_MAX_ITERATIONS ? null : l.maxIterations());
    put(out, "steps", steps(l.steps()));
    put(out, "result", l.result());
  }

  private static void waitStep(WaitStep w, Map<String, Object> out) {
    put(out, "duration", w.duration() == null ? null : DurationText.format(w.duration()));
    put(out, "until", w.until());
    if (w.event() != null) {
      Map<String, Object> event = new LinkedHashMap<>();
      put(event, "name", w.event().name());
      put(event, "correlationKey", w.event().correlationKey());
      out.put("event", event);
    }
  }

  private static void human(HumanStep h, Map<String, Object> out) {
    put(out, "prompt", h.prompt());
    put(out, "form", h.form().isEmpty() ? null : h.form());
    list(out, "assignees", h.assignees());
    put(
        out,
        "onTimeout",
        h.onTimeout() == TimeoutAction.FAIL ? null : EnumText.camel(h.onTimeout()));
    put(out, "default", h.defaultValue());
  }

  /** Puts a value unless it is null. */
  static void put(Map<String, Object> out, String name, Object value) {
    if (value != null) {
      out.put(name, value);
    }
  }

  private static void list(Map<String, Object> out, String name, List<String> values) {
    if (!values.isEmpty()) {
      out.put(name, values);
    }
  }
}
