package io.baton.engine.language.internal;

import io.baton.api.definition.ConditionStep;
import io.baton.api.definition.EndStep;
import io.baton.api.definition.StartStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.SwitchCase;
import io.baton.api.definition.SwitchStep;
import io.baton.engine.language.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The steps that shape the flow without doing work: {@code start}, {@code end}, {@code condition},
 * {@code switch}.
 */
final class ControlSteps implements StepFamily {

  @Override
  public Map<String, List<String>> fields() {
    return Map.of(
        "start", List.of(),
        "end", List.of("output"),
        "condition", List.of("condition", "then", "else"),
        "switch", List.of("value", "cases", "default"));
  }

  @Override
  public StepDef bind(StepSource s, StepBinder steps) {
    FieldReader f = s.fields();
    return switch (s.type()) {
      case "start" -> new StartStep(s.common());
      case "end" -> new EndStep(s.common(), f.json("output"));
      case "condition" ->
          new ConditionStep(s.common(), f.expression("condition"), f.ids("then"), f.ids("else"));
      default ->
          new SwitchStep(s.common(), f.expression("value"), cases(f, steps), f.ids("default"));
    };
  }

  private static List<SwitchCase> cases(FieldReader f, StepBinder steps) {
    SourceArray array = f.array("cases");
    List<SwitchCase> out = new ArrayList<>();
    if (array == null) {
      return out;
    }
    for (SourceNode item : array.items()) {
      FieldReader c = f.child(item, "a switch case");
      if (c != null) {
        c.rejectUnknown(List.of("equals", "when", "next"), "a switch case", Severity.ERROR);
        out.add(new SwitchCase(c.json("equals"), c.expression("when"), c.ids("next")));
      }
    }
    return out;
  }
}
