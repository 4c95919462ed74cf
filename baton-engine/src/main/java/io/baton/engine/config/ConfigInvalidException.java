package io.baton.engine.config;

import io.baton.engine.language.Diagnostic;
import java.util.List;

/**
 * An engine configuration file has errors; carries every problem found, each located in the file.
 */
public class ConfigInvalidException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  /**
   * @param diagnostics the problems found (warnings included)
   */
  public ConfigInvalidException(List<Diagnostic> diagnostics) {
    super(message(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Every problem found. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String message(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder("engine configuration is invalid:");
    diagnostics.forEach(d -> out.append("\n  ").append(d));
    return out.toString();
  }
}
