package io.baton.server.api;

import io.baton.engine.language.Diagnostic;

/**
 * One problem with a request, located by a JSON pointer into it (and, for definitions sent as text,
 * by line and column): the {@code Diagnostic} of the API contract.
 *
 * @param severity {@code error} or {@code warning}
 * @param code a stable, machine-readable code
 * @param message what is wrong
 * @param pointer the JSON pointer of the offending value ({@code ""}: the whole body)
 * @param stepId the step it belongs to, or null
 * @param line the 1-based line, or 0
 * @param column the 1-based column, or 0
 * @param hint how to fix it, or null
 */
public record ApiDiagnostic(
    String severity,
    String code,
    String message,
    String pointer,
    String stepId,
    int line,
    int column,
    String hint) {

  /** An error at {@code pointer}. */
  public static ApiDiagnostic error(String code, String message, String pointer) {
    return new ApiDiagnostic("error", code, message, pointer, null, 0, 0, null);
  }

  /** The language's diagnostic in the API's shape. */
  public static ApiDiagnostic of(Diagnostic d) {
    return new ApiDiagnostic(
        d.severity().name().toLowerCase(java.util.Locale.ROOT),
        d.code(),
        d.message(),
        d.pointer(),
        d.stepId(),
        d.line(),
        d.column(),
        d.hint());
  }
}
