package io.baton.engine.language;

import java.util.List;

/**
 * A workflow definition has errors. Carries every problem found, not only the first, so that they
 * can all be fixed at once.
 *
 * <pre>{@code
 * try {
 *   loader.load(Path.of("flow.yaml")).orThrow();
 * } catch (DefinitionInvalidException e) {
 *   e.diagnostics().forEach(System.err::println);
 * }
 * }</pre>
 */
public class DefinitionInvalidException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  /**
   * @param diagnostics the problems found (warnings included); at least one should be an error
   */
  public DefinitionInvalidException(List<Diagnostic> diagnostics) {
    super(describe("workflow definition is invalid", diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Every problem found, errors and warnings, in source order. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The errors only. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  /**
   * A message naming the counts and listing every diagnostic on its own line.
   *
   * @param title what is invalid
   * @param diagnostics the problems
   * @return e.g. {@code "workflow definition is invalid (2 errors, 1 warning):\n flow.yaml:3:5 …"}
   */
  static String describe(String title, List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    StringBuilder out = new StringBuilder(title).append(" (").append(plural(errors, "error"));
    if (warnings > 0) {
      out.append(", ").append(plural(warnings, "warning"));
    }
    out.append("):");
    diagnostics.forEach(d -> out.append("\n  ").append(d));
    return out.toString();
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
