package io.baton.engine.language;

import java.util.Locale;

/**
 * How serious a {@link Diagnostic} is: an error makes a definition unusable, a warning does not.
 */
public enum Severity {
  /** The definition cannot run as written. */
  ERROR,
  /** The definition runs, but probably not as its author meant. */
  WARNING;

  /** The severity as printed in diagnostics: {@code error} or {@code warning}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
