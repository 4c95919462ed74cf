package io.baton.modules.mplp.invariant;

/**
 * An invariant that does not hold, located precisely.
 *
 * @param invariantId the invariant's id, e.g. {@code flow02_step_descriptions_non_empty}
 * @param scope the document, e.g. {@code plan}
 * @param path where, as the invariant files write it: {@code steps[1].description}
 * @param pointer where, as a JSON pointer: {@code /steps/1/description}
 * @param message what was expected and what was found
 */
public record Violation(
    String invariantId, String scope, String path, String pointer, String message) {

  /** {@code plan.steps[1].description: expected a non-empty string, found "" (invariant …)}. */
  @Override
  public String toString() {
    return scope + "." + path + ": " + message + " (invariant " + invariantId + ")";
  }
}
