package io.baton.engine.language.internal;

import io.baton.api.definition.EventStep;
import io.baton.api.definition.EventWait;
import io.baton.api.definition.HumanStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.TimeoutAction;
import io.baton.api.definition.WaitStep;
import io.baton.engine.language.Severity;
import java.util.List;
import java.util.Map;

/**
 * The steps that wait for time, people or events, or signal events: {@code wait}, {@code human},
 * {@code event}.
 */
final class WaitingSteps implements StepFamily {

  @Override
  public Map<String, List<String>> fields() {
    return Map.of(
        "wait", List.of("duration", "until", "event"),
        "human", List.of("prompt", "form", "assignees", "onTimeout", "default"),
        "event", List.of("event", "data", "correlationKey"));
  }

  @Override
  public StepDef bind(StepSource s, StepBinder steps) {
    FieldReader f = s.fields();
    return switch (s.type()) {
      case "wait" -> new WaitStep(s.common(), f.duration("duration"), f.string("until"), event(f));
      case "human" ->
          new HumanStep(
              s.common(),
              f.string("prompt"),
              f.jsonObject("form"),
              f.ids("assignees"),
              f.enumValue("onTimeout", TimeoutAction.class, EnumText::camel),
              f.json("default"));
      default ->
          new EventStep(s.common(), f.string("event"), f.json("data"), f.string("correlationKey"));
    };
  }

  /** {@code event: name} or {@code event: {name, correlationKey}}. */
  private static EventWait event(FieldReader f) {
    SourceNode node = f.node("event");
    if (node instanceof SourceScalar(var p, var at, String name)) {
      return new EventWait(name, null);
    }
    if (node == null) {
      return null;
    }
    FieldReader e = f.child(node, "an event name or an event object");
    if (e == null) {
      return null;
    }
    e.rejectUnknown(List.of("name", "correlationKey"), "a wait's event", Severity.ERROR);
    return new EventWait(e.string("name"), e.string("correlationKey"));
  }
}
