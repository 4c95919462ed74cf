package io.baton.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints the problems found in what the user gave (files, inputs, answers): each on its own line,
 * then one line saying what to do, and returns {@link ExitCodes#INVALID}.
 */
final class ProblemReport {
  private final PrintStream err;

  ProblemReport(PrintStream err) {
    this.err = err;
  }

  /** Prints {@code problems} and {@code advice}; returns the exit code for invalid input. */
  int invalid(List<String> problems, String advice) {
    problems.forEach(err::println);
    err.println("baton: " + advice);
    return ExitCodes.INVALID;
  }

  /** Prints warnings, which do not stop anything. */
  void warnings(List<String> warnings) {
    warnings.forEach(err::println);
  }

  /** {@code 1 error} / {@code 2 errors}. */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
