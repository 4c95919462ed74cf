package io.baton.engine.language.internal;

import io.baton.api.definition.ConditionStep;
import io.baton.api.definition.EndStep;
import io.baton.api.definition.EventStep;
import io.baton.api.definition.HumanStep;
import io.baton.api.definition.LoopStep;
import io.baton.api.definition.MapStep;
import io.baton.api.definition.SwitchStep;
import io.baton.api.definition.TransformStep;
import io.baton.api.definition.WaitStep;
import java.util.ArrayList;
import java.util.List;

/**
 * A field of a step that holds an expression (in the workflow's expression language) or a JSON
 * value of {@code ${…}} templates, with what it may read.
 *
 * @param field the field's path inside the step, for messages and pointers ({@code cases/0/when})
 * @param value the expression's text, or the template value
 * @param expression true for an expression, false for a template value
 * @param readsBody whether it is evaluated inside the step's body (a loop's {@code until}, a map's
 *     {@code result}), so that it may read the body's steps
 */
public record ExpressionSite(String field, Object value, boolean expression, boolean readsBody) {

  /** Every expression and template field of {@code e} that is set, in documentation order. */
  public static List<ExpressionSite> of(StepEntry e) {
    List<ExpressionSite> out = new ArrayList<>();
    expr(out, "when", e.step().common().when(), false);
    template(
        out,
        "input",
        e.step().common().input().isEmpty() ? null : e.step().common().input(),
        false);
    switch (e.step()) {
      case ConditionStep c -> expr(out, "condition", c.condition(), false);
      case SwitchStep s -> {
        expr(out, "value", s.value(), false);
        for (int i = 0; i < s.cases().size(); i++) {
          expr(out, "cases/" + i + "/when", s.cases().get(i).when(), false);
        }
      }
      case LoopStep l -> {
        expr(out, "while", l.whileCondition(), true);
        expr(out, "until", l.untilCondition(), true);
        template(out, "result", l.result(), true);
      }
      case MapStep m -> {
        if (m.items() instanceof String source && !source.contains("${")) {
          out.add(new ExpressionSite("items", source, true, false));
        } else {
          template(out, "items", m.items(), false);
        }
        template(out, "result", m.result(), true);
      }
      case TransformStep t -> {
        expr(out, "expression", t.expression(), false);
        template(out, "value", t.value(), false);
      }
      default -> templatesOf(e, out);
    }
    out.removeIf(site -> site.value() == null);
    return out;
  }

  private static void templatesOf(StepEntry e, List<ExpressionSite> out) {
    switch (e.step()) {
      case EndStep end -> template(out, "output", end.output(), false);
      case EventStep ev -> {
        template(out, "data", ev.data(), false);
        template(out, "correlationKey", ev.correlationKey(), false);
      }
      case HumanStep h -> template(out, "prompt", h.prompt(), false);
      case WaitStep w -> {
        template(out, "until", w.until(), false);
        if (w.event() != null) {
          template(out, "event/correlationKey", w.event().correlationKey(), false);
        }
      }
      default -> {}
    }
  }

  private static void expr(List<ExpressionSite> out, String field, String value, boolean body) {
    out.add(new ExpressionSite(field, value, true, body));
  }

  private static void template(List<ExpressionSite> out, String field, Object value, boolean body) {
    out.add(new ExpressionSite(field, value, false, body));
  }
}
