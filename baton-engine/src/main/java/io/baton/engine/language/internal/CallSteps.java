package io.baton.engine.language.internal;

import io.baton.api.definition.ModuleStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.SubworkflowStep;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.TransformStep;
import java.util.List;
import java.util.Map;

/**
 * The steps that compute or call something: {@code tool}, {@code module}, {@code subworkflow},
 * {@code transform}.
 */
final class CallSteps implements StepFamily {

  @Override
  public Map<String, List<String>> fields() {
    return Map.of(
        "tool", List.of("tool"),
        "module", List.of("module", "operation"),
        "subworkflow", List.of("workflow", "version"),
        "transform", List.of("expression", "value"));
  }

  @Override
  public StepDef bind(StepSource s, StepBinder steps) {
    FieldReader f = s.fields();
    return switch (s.type()) {
      case "tool" -> new ToolStep(s.common(), f.string("tool"));
      case "module" -> new ModuleStep(s.common(), f.string("module"), f.string("operation"));
      case "subworkflow" ->
          new SubworkflowStep(s.common(), f.string("workflow"), f.text("version"));
      default -> new TransformStep(s.common(), f.expression("expression"), f.json("value"));
    };
  }
}
