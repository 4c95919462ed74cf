package io.baton.engine.language.internal;

import static io.baton.engine.language.DiagnosticCodes.CONFLICTING_FIELDS;
import static io.baton.engine.language.DiagnosticCodes.INVALID_ENUM;
import static io.baton.engine.language.DiagnosticCodes.INVALID_VALUE;
import static io.baton.engine.language.DiagnosticCodes.MISSING_FIELD;

import io.baton.api.definition.ConditionStep;
import io.baton.api.definition.EventStep;
import io.baton.api.definition.FallbackAction;
import io.baton.api.definition.HumanStep;
import io.baton.api.definition.LoopStep;
import io.baton.api.definition.MapStep;
import io.baton.api.definition.ModuleStep;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.StartStep;
import io.baton.api.definition.SubworkflowStep;
import io.baton.api.definition.SwitchCase;
import io.baton.api.definition.SwitchStep;
import io.baton.api.definition.TimeoutAction;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.TransformStep;
import io.baton.api.definition.WaitStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What each step type needs to be meaningful: its required fields, fields that exclude each other,
 * non-empty bodies. Checked on the model, so that definitions built in Java get the same messages
 * as files.
 */
final class ShapeRules {
  private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";

  void check(WorkflowDefinition definition, StepIndex index, Findings out) {
    if (definition.steps().isEmpty()) {
      out.add(
          Finding.error(
              MISSING_FIELD, "/steps", "a workflow needs at least one step in \"steps\""));
    }
    fallbacks(definition.policies().fallbacks(), out);
    for (StepEntry e : index.entries()) {
      Findings found = new Findings();
      step(e, found);
      found.all().forEach(f -> out.add(f.step(e.id().isBlank() ? null : e.id())));
    }
  }

  private static void step(StepEntry e, Findings out) {
    switch (e.step()) {
      case StartStep s when !s.common().dependsOn().isEmpty() ->
          out.add(
              Finding.error(
                  INVALID_VALUE, e.at("dependsOn"), "a start step cannot depend on other steps"));
      case ConditionStep c -> require(e, "condition", c.condition(), out);
      case SwitchStep s -> switchStep(e, s, out);
      case ParallelStep p -> parallel(e, p, out);
      case MapStep m -> map(e, m, out);
      case LoopStep l -> body(e, "a loop", l.steps().isEmpty(), out);
      case SubworkflowStep s -> require(e, "workflow", s.workflow(), out);
      case WaitStep w -> waitStep(e, w, out);
      case HumanStep h -> human(e, h, out);
      case TransformStep t ->
          oneOf(
              e, "a transform step", fields("expression", t.expression(), "value", t.value()), out);
      case EventStep ev -> require(e, "event", ev.event(), out);
      case ModuleStep m -> {
        require(e, "module", m.module(), out);
        require(e, "operation", m.operation(), out);
      }
      case ToolStep t -> require(e, "tool", t.tool(), out);
      default -> {}
    }
  }

  private static void switchStep(StepEntry e, SwitchStep s, Findings out) {
    require(e, "value", s.value(), out);
    if (s.cases().isEmpty()) {
      out.add(
          Finding.error(
              MISSING_FIELD, e.at("cases"), "a switch step needs at least one case in \"cases\""));
    }
    for (int i = 0; i < s.cases().size(); i++) {
      SwitchCase c = s.cases().get(i);
      String at = e.at("cases/" + i);
      if (c.equals() == null && c.when() == null) {
        out.add(Finding.error(MISSING_FIELD, at, "a switch case needs \"equals\" or \"when\""));
      } else if (c.equals() != null && c.when() != null) {
        out.add(
            Finding.error(
                CONFLICTING_FIELDS, at, "a switch case has \"equals\" or \"when\", not both"));
      }
    }
  }

  private static void parallel(StepEntry e, ParallelStep p, Findings out) {
    if (p.branches().isEmpty()) {
      out.add(
          Finding.error(
              MISSING_FIELD,
              e.at("branches"),
              "a parallel step needs \"branches\" (or \"steps\")"));
    }
    for (int b = 0; b < p.branches().size(); b++) {
      if (p.branches().get(b).steps().isEmpty()) {
        out.add(
            Finding.error(
                MISSING_FIELD,
                e.at("branches/" + b + "/steps"),
                "a branch needs at least one step"));
      }
    }
  }

  private static void map(StepEntry e, MapStep m, Findings out) {
    require(e, "items", m.items(), out);
    body(e, "a map", m.steps().isEmpty(), out);
    if (!m.as().matches(IDENTIFIER)) {
      out.add(
          Finding.error(
              INVALID_VALUE,
              e.at("as"),
              "\"as\" names a variable: letters, digits and \"_\", not starting with a digit; found \""
                  + m.as()
                  + "\""));
    }
  }

  private static void body(StepEntry e, String what, boolean empty, Findings out) {
    if (empty) {
      out.add(
          Finding.error(
              MISSING_FIELD, e.at("steps"), what + " step needs at least one step in \"steps\""));
    }
  }

  private static void waitStep(StepEntry e, WaitStep w, Findings out) {
    oneOf(
        e,
        "a wait step",
        fields("duration", w.duration(), "until", w.until(), "event", w.event()),
        out);
    if (w.event() != null && w.event().name() == null) {
      out.add(
          Finding.error(
              MISSING_FIELD,
              e.at("event/name"),
              "the event a wait step waits for needs a \"name\""));
    }
  }

  private static void human(StepEntry e, HumanStep h, Findings out) {
    require(e, "prompt", h.prompt(), out);
    if (h.onTimeout() == TimeoutAction.USE_DEFAULT && h.defaultValue() == null) {
      out.add(
          Finding.error(
              MISSING_FIELD, e.at("default"), "onTimeout: useDefault needs a \"default\" value"));
    }
  }

  private static void require(StepEntry e, String field, Object value, Findings out) {
    if (value == null || value instanceof String s && s.isBlank()) {
      out.add(
          Finding.error(
              MISSING_FIELD,
              e.at(field),
              "a " + e.step().type() + " step needs \"" + field + "\""));
    }
  }

  /** Exactly one of {@code fields} (name to value) is set. */
  private static void oneOf(StepEntry e, String what, Map<String, Object> fields, Findings out) {
    List<String> set = new ArrayList<>();
    fields.forEach(
        (name, value) -> {
          if (value != null) {
            set.add(name);
          }
        });
    String choices = String.join("\", \"", fields.keySet());
    if (set.isEmpty()) {
      out.add(
          Finding.error(MISSING_FIELD, e.pointer(), what + " needs one of \"" + choices + "\""));
    } else if (set.size() > 1) {
      out.add(
          Finding.error(
              CONFLICTING_FIELDS,
              e.at(set.get(1)),
              what
                  + " has exactly one of \""
                  + choices
                  + "\", but sets \""
                  + String.join("\" and \"", set)
                  + "\""));
    }
  }

  /** Names and values, in order; values may be null. */
  private static Map<String, Object> fields(Object... namesAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      out.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return out;
  }

  private static void fallbacks(List<FallbackAction> fallbacks, Findings out) {
    List<String> conditions =
        Stream.concat(Stream.of("any"), Arrays.stream(ErrorKind.values()).map(ErrorKind::wireName))
            .toList();
    for (int i = 0; i < fallbacks.size(); i++) {
      FallbackAction f = fallbacks.get(i);
      String at = "/policies/fallbacks/" + i;
      if (f.condition() == null || f.action() == null) {
        out.add(
            Finding.error(MISSING_FIELD, at, "a fallback needs a \"condition\" and an \"action\""));
        continue;
      }
      String normalized = f.condition().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
      if (!conditions.contains(normalized)) {
        out.add(
            Finding.error(
                    INVALID_ENUM,
                    at + "/condition",
                    "\""
                        + f.condition()
                        + "\" is not an error kind; expected one of: "
                        + String.join(", ", conditions))
                .hint(NearestName.hint(f.condition(), conditions)));
      }
      if (!Objects.equals(f.action(), FallbackAction.ESCALATE_TO_HUMAN)) {
        out.add(
            Finding.warning(
                INVALID_ENUM,
                at + "/action",
                "\""
                    + f.action()
                    + "\" is not a built-in fallback action ("
                    + FallbackAction.ESCALATE_TO_HUMAN
                    + "); it must be provided by the engine it runs on"));
      }
    }
  }
}
