package io.baton.cli;

/**
 * The exit codes of every {@code baton} command, so that scripts and CI can tell a failed run from
 * a mistake in what they asked for.
 */
public final class ExitCodes {
  /** The command did what was asked: the run completed, the files are valid. */
  public static final int OK = 0;

  /** The run ended without completing: a step failed, it was cancelled or it ran out of time. */
  public static final int RUN_FAILED = 1;

  /**
   * What was asked cannot be done as given: an invalid workflow, input, option or configuration, or
   * a question no one can answer.
   */
  public static final int INVALID = 2;

  /** The store cannot be opened or used: unreachable, refused, or of a newer schema. */
  public static final int STORE_UNAVAILABLE = 3;

  private ExitCodes() {}
}
