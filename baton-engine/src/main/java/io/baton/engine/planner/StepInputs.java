package io.baton.engine.planner;

import io.baton.api.definition.EventStep;
import io.baton.api.definition.HumanStep;
import io.baton.api.definition.SwitchCase;
import io.baton.api.definition.SwitchStep;
import io.baton.api.definition.WaitStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.ExpressionDialect;
import io.baton.api.spi.ExpressionException;
import io.baton.engine.expression.Template;
import io.baton.engine.graph.CompiledStep;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves what a step is scheduled with: its templates rendered and, for control steps, its
 * expressions evaluated. The result is journaled with {@code StepScheduled}, so a replay never
 * evaluates again.
 */
final class StepInputs {
  private StepInputs() {}

  /**
   * The resolved input of {@code step} in {@code vars}.
   *
   * @throws ExpressionException when a template or expression fails
   * @throws StepException when a value has the wrong shape (a map's items not being a list)
   */
  static Object resolve(CompiledStep step, Map<String, Object> vars) {
    return switch (step.kind()) {
      case MAP -> Map.of("items", items(step, vars));
      case WAIT -> waitInput(step, vars);
      case HUMAN -> humanInput(step, vars);
      case INLINE -> inlineInput(step, vars);
      default -> render(step.template("input"), vars);
    };
  }

  private static Object inlineInput(CompiledStep step, Map<String, Object> vars) {
    return switch (step.definition().type()) {
      case "start" -> vars.get("inputs");
      case "end" -> render(step.template("output"), vars);
      case "condition" -> {
        boolean value = condition(step.expression("condition"), vars);
        yield branch(value, value ? "then" : "else");
      }
      case "switch" -> switchInput(step, vars);
      case "transform" ->
          step.expression("expression") != null
              ? step.expression("expression").evaluate(vars)
              : render(step.template("value"), vars);
      case "event" -> eventInput(step, vars);
      default -> render(step.template("input"), vars);
    };
  }

  /** Evaluates a condition, which must be a boolean. */
  static boolean condition(ExpressionDialect.Compiled expression, Map<String, Object> vars) {
    Object value = expression.evaluate(vars);
    if (value instanceof Boolean b) {
      return b;
    }
    throw new ExpressionException(
        "a condition must be true or false, but it gave " + describe(value), null, -1);
  }

  private static Map<String, Object> branch(Object value, String branch) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("value", value);
    out.put("branch", branch);
    return out;
  }

  private static Object switchInput(CompiledStep step, Map<String, Object> vars) {
    Object value = step.expression("value").evaluate(vars);
    List<SwitchCase> cases = ((SwitchStep) step.definition()).cases();
    Map<String, Object> withValue = new HashMap<>(vars);
    withValue.put("value", value);
    for (int i = 0; i < cases.size(); i++) {
      SwitchCase c = cases.get(i);
      boolean matches =
          c.when() != null
              ? condition(step.expression("case:" + i), withValue)
              : jsonEquals(c.equals(), value);
      if (matches) {
        Map<String, Object> out = branch(value, "case:" + i);
        out.put("case", i);
        return out;
      }
    }
    Map<String, Object> out = branch(value, "default");
    out.put("case", "default");
    return out;
  }

  private static Object eventInput(CompiledStep step, Map<String, Object> vars) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("event", ((EventStep) step.definition()).event());
    out.put("data", render(step.template("data"), vars));
    Object key = render(step.template("correlationKey"), vars);
    out.put("correlationKey", key == null ? null : String.valueOf(key));
    return out;
  }

  private static Object waitInput(CompiledStep step, Map<String, Object> vars) {
    WaitStep wait = (WaitStep) step.definition();
    Map<String, Object> out = new LinkedHashMap<>();
    if (wait.duration() != null) {
      out.put("duration", wait.duration().toString());
    } else if (wait.until() != null) {
      out.put("until", String.valueOf(render(step.template("until"), vars)));
    } else {
      out.put("event", wait.event().name());
      Object key = render(step.template("correlationKey"), vars);
      out.put("correlationKey", key == null ? null : String.valueOf(key));
    }
    return out;
  }

  private static Object humanInput(CompiledStep step, Map<String, Object> vars) {
    HumanStep human = (HumanStep) step.definition();
    Map<String, Object> out = new LinkedHashMap<>();
    Object prompt = render(step.template("prompt"), vars);
    out.put("prompt", prompt == null ? "" : String.valueOf(prompt));
    out.put("form", human.form());
    out.put("assignees", human.assignees());
    out.put("input", render(step.template("input"), vars));
    return out;
  }

  private static List<?> items(CompiledStep step, Map<String, Object> vars) {
    Object items =
        step.template("items") != null
            ? step.template("items").render(vars)
            : step.expression("items").evaluate(vars);
    if (items instanceof List<?> list) {
      return list;
    }
    throw new StepException(
        ErrorKind.BAD_INPUT,
        "map '" + step.id() + "': items must be a list, but they are " + describe(items));
  }

  static Object render(Template template, Map<String, Object> vars) {
    if (template == null) {
      return null;
    }
    return template.render(vars);
  }

  /** JSON equality: numbers compare by value whatever their Java type. */
  static boolean jsonEquals(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return Objects.equals(a, b);
  }

  static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
  }
}
