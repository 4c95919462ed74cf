package io.baton.engine.language.internal;

import io.baton.api.definition.ConditionStep;
import io.baton.api.definition.ErrorAction;
import io.baton.api.definition.SwitchStep;
import java.util.ArrayList;
import java.util.List;

/**
 * A reference by id from one step to a sibling that orders them: a dependency, a branch target, or
 * an error fallback.
 *
 * @param referrer the step that holds the reference
 * @param target the step id named
 * @param field the field it is in, for messages: {@code dependsOn}, {@code then}, {@code else},
 *     {@code next}, {@code default} or {@code onError.goto}
 * @param pointer the canonical pointer of the reference
 */
public record StepTarget(StepEntry referrer, String target, String field, String pointer) {

  /** Whether the target runs before the referrer (a dependency) rather than after it. */
  public boolean isDependency() {
    return field.equals("dependsOn");
  }

  /** Every reference {@code e} holds, in field order. */
  public static List<StepTarget> of(StepEntry e) {
    List<StepTarget> out = new ArrayList<>();
    add(out, e, e.step().common().dependsOn(), "dependsOn", "dependsOn");
    switch (e.step()) {
      case ConditionStep c -> {
        add(out, e, c.whenTrue(), "then", "then");
        add(out, e, c.whenFalse(), "else", "else");
      }
      case SwitchStep s -> {
        for (int i = 0; i < s.cases().size(); i++) {
          add(out, e, s.cases().get(i).next(), "next", "cases/" + i + "/next");
        }
        add(out, e, s.defaultNext(), "default", "default");
      }
      default -> {}
    }
    var onError = e.step().common().onError();
    if (onError.action() == ErrorAction.GOTO) {
      out.add(new StepTarget(e, onError.target(), "onError.goto", e.at("onError/goto")));
    }
    return out;
  }

  private static void add(
      List<StepTarget> out, StepEntry e, List<String> targets, String field, String path) {
    for (int i = 0; i < targets.size(); i++) {
      out.add(new StepTarget(e, targets.get(i), field, e.at(path + "/" + i)));
    }
  }
}
