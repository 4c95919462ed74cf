package io.baton.ai.step;

import io.baton.api.definition.CustomStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import java.util.List;
import java.util.Map;

/**
 * Reads the type-specific fields of an AI step. The config schemas catch wrong shapes when a
 * workflow is validated; these checks name the step again if a definition built in Java slips past.
 *
 * @param step the step
 */
public record StepConfig(CustomStep step) {

  /** A text field, or {@code fallback}. */
  public String text(String field, String fallback) {
    Object v = step.config().get(field);
    return v == null ? fallback : v.toString();
  }

  /** A whole-number field, or {@code fallback}. */
  public int integer(String field, int fallback) {
    Object v = step.config().get(field);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.intValue();
    }
    throw bad(field, "a whole number", v);
  }

  /** A list of texts, or an empty list. */
  public List<String> texts(String field) {
    Object v = step.config().get(field);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    throw bad(field, "a list of names", v);
  }

  /** An object field, or null. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> object(String field) {
    Object v = step.config().get(field);
    if (v == null || v instanceof Map<?, ?>) {
      return (Map<String, Object>) v;
    }
    throw bad(field, "an object", v);
  }

  /** A yes/no field, or {@code fallback}. */
  public boolean flag(String field, boolean fallback) {
    Object v = step.config().get(field);
    return v == null ? fallback : Boolean.parseBoolean(v.toString());
  }

  /** A number field, or null. */
  public Double number(String field) {
    Object v = step.config().get(field);
    return v instanceof Number n ? n.doubleValue() : null;
  }

  private StepException bad(String field, String expected, Object found) {
    return new StepException(
        ErrorKind.BAD_INPUT,
        "step '"
            + step.id()
            + "' ("
            + step.type()
            + "): "
            + field
            + " should be "
            + expected
            + ", found "
            + found);
  }
}
