package io.baton.engine.language.internal;

import static io.baton.engine.language.DiagnosticCodes.INVALID_DURATION;
import static io.baton.engine.language.DiagnosticCodes.INVALID_ENUM;
import static io.baton.engine.language.DiagnosticCodes.INVALID_VALUE;
import static io.baton.engine.language.DiagnosticCodes.UNKNOWN_FIELD;
import static io.baton.engine.language.DiagnosticCodes.WRONG_TYPE;

import io.baton.engine.language.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the members of one located object, reporting each value of the wrong type, out of range or
 * unknown, and going on (absent or wrong values read as null), so that one pass reports every
 * problem.
 *
 * <pre>{@code
 * FieldReader fields = new FieldReader(stepObject, findings, "review");
 * Duration timeout = fields.duration("timeout");
 * fields.rejectUnknown(Set.of("id", "type", "timeout"), Severity.ERROR);
 * }</pre>
 */
public final class FieldReader {
  private final SourceObject object;
  private final Findings findings;
  private final String stepId;

  /**
   * @param object the object to read
   * @param findings where problems go
   * @param stepId the step the object belongs to, named in problems, or null
   */
  public FieldReader(SourceObject object, Findings findings, String stepId) {
    this.object = object;
    this.findings = findings;
    this.stepId = stepId;
  }

  /**
   * A reader of {@code node} when it is an object; otherwise reports {@code wrong-type} and returns
   * null.
   *
   * @param what what the object is, for the message ({@code "a step"})
   */
  public static FieldReader of(SourceNode node, String what, Findings findings, String stepId) {
    if (node instanceof SourceObject o) {
      return new FieldReader(o, findings, stepId);
    }
    findings.add(wrongType(node, what + " (an object)", null).step(stepId));
    return null;
  }

  /**
   * A reader of {@code node}, reporting to the same findings for the same step, when it is an
   * object; otherwise reports {@code wrong-type} and returns null.
   */
  public FieldReader child(SourceNode node, String what) {
    return of(node, what, findings, stepId);
  }

  /** The step the object belongs to, or null. */
  public String stepId() {
    return stepId;
  }

  /** The object read. */
  public SourceObject object() {
    return object;
  }

  /** The pointer of member {@code name}, present or not. */
  public String pointer(String name) {
    return Pointer.child(object.pointer(), name);
  }

  /** Whether member {@code name} is present and not null. */
  public boolean has(String name) {
    return node(name) != null;
  }

  /** Member {@code name}, or null when absent or null. */
  public SourceNode node(String name) {
    SourceNode node = object.get(name);
    return node instanceof SourceScalar s && s.value() == null ? null : node;
  }

  /** A string member, or null. */
  public String string(String name) {
    SourceNode node = node(name);
    if (node == null) {
      return null;
    }
    if (node instanceof SourceScalar(var p, var at, String s)) {
      return s;
    }
    report(wrongType(node, "a string", name));
    return null;
  }

  /** A string member that may be written as a number ({@code version: 2}), as text. */
  public String text(String name) {
    return node(name) instanceof SourceScalar(var p, var at, Number n)
        ? n.toString()
        : string(name);
  }

  /** An expression: a string, or a boolean literal ({@code when: false}) as its text. */
  public String expression(String name) {
    return node(name) instanceof SourceScalar(var p, var at, Boolean b)
        ? b.toString()
        : string(name);
  }

  /** A whole number of at least {@code min}, or null. */
  public Integer integer(String name, int min) {
    SourceNode node = node(name);
    if (node == null) {
      return null;
    }
    if (!(node instanceof SourceScalar(var p, var at, Number n))
        || n.doubleValue() != Math.rint(n.doubleValue())
        || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
      report(wrongType(node, "a whole number", name));
      return null;
    }
    if (n.intValue() < min) {
      report(
          Finding.error(
              INVALID_VALUE,
              node.pointer(),
              "\"" + name + "\" must be at least " + min + ", was " + n));
      return null;
    }
    return n.intValue();
  }

  /** A number between {@code min} and {@code max}, or null. */
  public Double number(String name, double min, double max) {
    SourceNode node = node(name);
    if (node == null) {
      return null;
    }
    if (!(node instanceof SourceScalar(var p, var at, Number n))) {
      report(wrongType(node, "a number", name));
      return null;
    }
    if (n.doubleValue() < min || n.doubleValue() > max) {
      report(
          Finding.error(
              INVALID_VALUE,
              node.pointer(),
              "\"" + name + "\" must be between " + min + " and " + max + ", was " + n));
      return null;
    }
    return n.doubleValue();
  }

  /** A boolean, or null. */
  public Boolean bool(String name) {
    SourceNode node = node(name);
    if (node == null) {
      return null;
    }
    if (node instanceof SourceScalar(var p, var at, Boolean b)) {
      return b;
    }
    report(wrongType(node, "a boolean", name));
    return null;
  }

  /** A duration ({@code 30s}, {@code PT5M}), or null. */
  public Duration duration(String name) {
    SourceNode node = node(name);
    if (node == null) {
      return null;
    }
    return durationOf(node, name);
  }

  /** The duration {@code node} holds, or null after reporting why it is not one. */
  public Duration durationOf(SourceNode node, String name) {
    String text =
        switch (node) {
          case SourceScalar(var p, var at, String s) -> s;
          case SourceScalar(var p, var at, Number n) -> n.toString();
          default -> null;
        };
    if (text == null) {
      report(wrongType(node, "a duration such as 30s", name));
      return null;
    }
    var parsed = DurationText.parse(text);
    if (parsed.isEmpty()) {
      report(
          Finding.error(
                  INVALID_DURATION,
                  node.pointer(),
                  "\"" + name + "\" must be a duration, found " + node.describe())
              .hint(DurationText.hint(text)));
    }
    return parsed.orElse(null);
  }

  /**
   * An enum value written in any case style, or null.
   *
   * @param wire how the constants are written, for the list of allowed values
   */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type, Function<E, String> wire) {
    SourceNode node = node(name);
    return node == null ? null : enumOf(node, name, type, wire);
  }

  /** The enum constant {@code node} names, or null after reporting the allowed values. */
  public <E extends Enum<E>> E enumOf(
      SourceNode node, String name, Class<E> type, Function<E, String> wire) {
    List<String> allowed = Arrays.stream(type.getEnumConstants()).map(wire).toList();
    if (!(node instanceof SourceScalar(var p, var at, String s))) {
      report(wrongType(node, "one of " + String.join(", ", allowed), name));
      return null;
    }
    var parsed = EnumText.parse(type, s);
    if (parsed.isEmpty()) {
      report(invalidEnum(node, s, name, allowed));
    }
    return parsed.orElse(null);
  }

  /** The {@code invalid-enum} finding for {@code value}, listing {@code allowed}. */
  public static Finding invalidEnum(
      SourceNode node, String value, String name, List<String> allowed) {
    return Finding.error(
            INVALID_ENUM,
            node.pointer(),
            "\""
                + value
                + "\" is not a valid \""
                + name
                + "\"; expected one of: "
                + String.join(", ", allowed))
        .hint(NearestName.hint(value, allowed));
  }

  /** A list of step ids, also accepted as a single string; null when absent. */
  public List<String> ids(String name) {
    SourceNode node = node(name);
    return switch (node) {
      case null -> null;
      case SourceScalar(var p, var at, String s) -> List.of(s);
      case SourceArray a -> strings(a, name);
      default -> {
        report(wrongType(node, "a step id or a list of step ids", name));
        yield null;
      }
    };
  }

  /** A list of strings; wrong elements are reported and left out. */
  public List<String> strings(SourceArray array, String name) {
    List<String> out = new ArrayList<>();
    for (SourceNode item : array.items()) {
      if (item instanceof SourceScalar(var p, var at, String s)) {
        out.add(s);
      } else {
        report(wrongType(item, "a string", name + "[" + out.size() + "]"));
      }
    }
    return out;
  }

  /** Any JSON value, as plain Java, or null. */
  public Object json(String name) {
    SourceNode node = node(name);
    return node == null ? null : node.toJava();
  }

  /** A JSON object as a plain map, or null. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> jsonObject(String name) {
    SourceObject nested = nested(name);
    return nested == null ? null : (Map<String, Object>) nested.toJava();
  }

  /** A member that must be an object, or null. */
  public SourceObject nested(String name) {
    SourceNode node = node(name);
    if (node == null || node instanceof SourceObject) {
      return (SourceObject) node;
    }
    report(wrongType(node, "an object", name));
    return null;
  }

  /** A member that must be a list, or null. */
  public SourceArray array(String name) {
    SourceNode node = node(name);
    if (node == null || node instanceof SourceArray) {
      return (SourceArray) node;
    }
    report(wrongType(node, "a list", name));
    return null;
  }

  /**
   * Reports every member not in {@code allowed}, at its key, with the nearest allowed name as a
   * hint.
   *
   * @param what the kind of object, for the message ({@code "a tool step"})
   */
  public void rejectUnknown(Collection<String> allowed, String what, Severity severity) {
    for (String name : object.fields().keySet()) {
      if (!allowed.contains(name)) {
        report(
            Finding.error(UNKNOWN_FIELD, pointer(name), what + " has no field \"" + name + "\"")
                .withSeverity(severity)
                .atKey()
                .hint(NearestName.hint(name, allowed)));
      }
    }
  }

  /** Records a finding about this object, naming its step. */
  public void report(Finding finding) {
    findings.add(finding.step(stepId));
  }

  /** The {@code wrong-type} finding: expected this, found that. */
  public static Finding wrongType(SourceNode node, String expected, String name) {
    String subject = name == null ? "" : " for \"" + name + "\"";
    return Finding.error(
        WRONG_TYPE,
        node.pointer(),
        "expected " + expected + subject + ", found " + node.describe());
  }
}
