package io.baton.engine.language;

import java.util.Objects;

/**
 * One problem found in a workflow definition or configuration file, located as precisely as the
 * source allows.
 *
 * <p>Printed as {@code file:line:column pointer [step "id"] severity code: message (hint)}, for
 * example:
 *
 * <pre>{@code
 * flow.yaml:12:5 /steps/3/dependsOn/0 [step "b"] error unknown-step-reference: step "b" depends on "aa", which is not a step of its scope (did you mean "a"?)
 * }</pre>
 *
 * @param severity error or warning
 * @param code a stable, machine-readable code, one of {@link DiagnosticCodes}
 * @param message what is wrong: what was expected and what was found
 * @param file the file (or source name) the problem is in, or null for definitions built in Java
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 * @param pointer the JSON pointer of the offending value in the source ({@code ""} for the whole
 *     document)
 * @param stepId the id of the step the problem belongs to, or null
 * @param hint how to fix it ({@code did you mean "dependsOn"?}), or null
 */
public record Diagnostic(
    Severity severity,
    String code,
    String message,
    String file,
    int line,
    int column,
    String pointer,
    String stepId,
    String hint) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    pointer = pointer == null ? "" : pointer;
  }

  /** Whether this is an {@link Severity#ERROR}. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:column}, as much of it as is known ({@code ""} when nothing is). */
  public String location() {
    StringBuilder out = new StringBuilder(file == null ? "" : file);
    if (line > 0) {
      out.append(out.isEmpty() ? "" : ":").append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(location());
    if (!pointer.isEmpty()) {
      out.append(out.isEmpty() ? "" : " ").append(pointer);
    }
    if (stepId != null) {
      out.append(out.isEmpty() ? "" : " ").append("[step \"").append(stepId).append("\"]");
    }
    out.append(out.isEmpty() ? "" : " ").append(severity.label()).append(' ').append(code);
    out.append(": ").append(message);
    if (hint != null) {
      out.append(" (").append(hint).append(')');
    }
    return out.toString();
  }
}
