package io.baton.cli;

/** How {@code baton run} prints what the run produced. */
public enum OutputFormat {
  /** The run's outputs as indented JSON; failures as a sentence on the error stream. */
  TEXT,
  /**
   * The whole final state of the run ({@code RunView}: status, outputs, failure, every step) as
   * JSON.
   */
  JSON
}
