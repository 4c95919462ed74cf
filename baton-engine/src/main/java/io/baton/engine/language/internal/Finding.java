package io.baton.engine.language.internal;

import io.baton.engine.language.Diagnostic;
import io.baton.engine.language.Severity;

/**
 * A problem as the binders and rules report it: addressed by JSON pointer only. {@link Locator}
 * later turns it into a {@link Diagnostic} with a file, line and column.
 *
 * @param severity error or warning
 * @param code one of {@link io.baton.engine.language.DiagnosticCodes}
 * @param message what is wrong
 * @param pointer where, as a JSON pointer
 * @param stepId the step concerned, or null
 * @param hint how to fix it, or null
 * @param position an explicit position that overrides the pointer's, or null
 * @param onKey whether to locate the member's key rather than its value (unknown fields)
 * @param offset the offset of the problem inside the string value at {@code pointer}, or -1
 */
public record Finding(
    Severity severity,
    String code,
    String message,
    String pointer,
    String stepId,
    String hint,
    Position position,
    boolean onKey,
    int offset) {

  /** An error at {@code pointer}. */
  public static Finding error(String code, String pointer, String message) {
    return new Finding(Severity.ERROR, code, message, pointer, null, null, null, false, -1);
  }

  /** A warning at {@code pointer}. */
  public static Finding warning(String code, String pointer, String message) {
    return new Finding(Severity.WARNING, code, message, pointer, null, null, null, false, -1);
  }

  /** A copy that names the step concerned. */
  public Finding step(String id) {
    return new Finding(severity, code, message, pointer, id, hint, position, onKey, offset);
  }

  /** A copy with a hint (null: none). */
  public Finding hint(String text) {
    return new Finding(severity, code, message, pointer, stepId, text, position, onKey, offset);
  }

  /** A copy located at an explicit position. */
  public Finding at(Position explicit) {
    return new Finding(severity, code, message, pointer, stepId, hint, explicit, onKey, offset);
  }

  /** A copy located at the key of the member at {@code pointer}. */
  public Finding atKey() {
    return new Finding(severity, code, message, pointer, stepId, hint, position, true, offset);
  }

  /** A copy located {@code chars} characters into the string at {@code pointer}. */
  public Finding offset(int chars) {
    return new Finding(severity, code, message, pointer, stepId, hint, position, onKey, chars);
  }

  /** A copy at another pointer. */
  public Finding withPointer(String newPointer) {
    return new Finding(severity, code, message, newPointer, stepId, hint, position, onKey, offset);
  }

  /** A copy of another severity. */
  public Finding withSeverity(Severity newSeverity) {
    return new Finding(newSeverity, code, message, pointer, stepId, hint, position, onKey, offset);
  }

  /** The diagnostic without a location, as reported for definitions built in Java. */
  public Diagnostic toDiagnostic() {
    return new Diagnostic(severity, code, message, null, 0, 0, pointer, stepId, hint);
  }
}
