package io.baton.engine.language.internal;

import static io.baton.engine.language.DiagnosticCodes.CONFLICTING_FIELDS;

import io.baton.api.definition.Branch;
import io.baton.api.definition.LoopStep;
import io.baton.api.definition.MapStep;
import io.baton.api.definition.ParallelMode;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.StepDef;
import io.baton.engine.language.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The steps that hold other steps: {@code parallel}, {@code map}, {@code loop}. */
final class CompositeSteps implements StepFamily {

  @Override
  public Map<String, List<String>> fields() {
    return Map.of(
        "parallel", List.of("branches", "steps", "mode"),
        "map", List.of("items", "as", "maxConcurrency", "steps", "result"),
        "loop", List.of("while", "until", "maxIterations", "steps", "result"));
  }

  @Override
  public StepDef bind(StepSource s, StepBinder steps) {
    FieldReader f = s.fields();
    return switch (s.type()) {
      case "parallel" ->
          new ParallelStep(
              s.common(),
              branches(s, steps),
              f.enumValue("mode", ParallelMode.class, EnumText::camel));
      case "map" -> {
        Integer max = f.integer("maxConcurrency", 0);
        yield new MapStep(
            s.common(),
            f.node("items") instanceof SourceArray ? f.json("items") : f.expression("items"),
            f.string("as"),
            max == null ? 0 : max,
            body(s, steps),
            f.json("result"));
      }
      default -> {
        Integer max = f.integer("maxIterations", 1);
        yield new LoopStep(
            s.common(),
            f.expression("while"),
            f.expression("until"),
            max == null ? 0 : max,
            body(s, steps),
            f.json("result"));
      }
    };
  }

  private static List<StepDef> body(StepSource s, StepBinder steps) {
    SourceArray array = s.fields().array("steps");
    return array == null ? List.of() : steps.bindList(array, s.canonical() + "/steps");
  }

  private static List<Branch> branches(StepSource s, StepBinder steps) {
    FieldReader f = s.fields();
    if (f.has("branches") && f.has("steps")) {
      f.report(
          Finding.error(
                  CONFLICTING_FIELDS,
                  f.pointer("steps"),
                  "a parallel step has \"branches\" or \"steps\" (one branch per step), not both")
              .atKey());
    }
    SourceArray full = f.array("branches");
    if (full != null) {
      return fullBranches(full, s, steps);
    }
    SourceArray shorthand = f.array("steps");
    return shorthand == null ? List.of() : shorthandBranches(shorthand, s, steps);
  }

  private static List<Branch> fullBranches(SourceArray array, StepSource s, StepBinder steps) {
    List<Branch> out = new ArrayList<>();
    for (SourceNode item : array.items()) {
      FieldReader b = s.fields().child(item, "a branch");
      if (b == null) {
        continue;
      }
      b.rejectUnknown(List.of("id", "steps"), "a branch", Severity.ERROR);
      String canonical = s.canonical() + "/branches/" + out.size();
      steps.binding().pointers().put(canonical, item.pointer());
      SourceArray body = b.array("steps");
      String id = b.text("id");
      out.add(
          new Branch(
              id == null ? "" : id,
              body == null ? List.of() : steps.bindList(body, canonical + "/steps")));
    }
    return out;
  }

  /** {@code steps: [a, b]}: each step is a branch of its own, named by the step's id. */
  private static List<Branch> shorthandBranches(SourceArray array, StepSource s, StepBinder steps) {
    steps.binding().pointers().put(s.canonical() + "/branches", array.pointer());
    List<Branch> out = new ArrayList<>();
    for (SourceNode item : array.items()) {
      String canonical = s.canonical() + "/branches/" + out.size();
      steps.binding().pointers().put(canonical, item.pointer());
      StepDef step = steps.bind(item, canonical + "/steps/0");
      if (step != null) {
        out.add(new Branch(step.id(), List.of(step)));
      }
    }
    return out;
  }
}
