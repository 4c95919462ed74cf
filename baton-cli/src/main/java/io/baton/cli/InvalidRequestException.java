package io.baton.cli;

import java.util.List;

/**
 * What a command was asked to do cannot be done as given (an invalid file, input, answer or
 * configuration): the problems, and one sentence saying what to do about them. Commands turn it
 * into {@link ExitCodes#INVALID}.
 */
final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  InvalidRequestException(List<String> problems, String advice) {
    super(advice);
    this.problems = List.copyOf(problems);
  }

  /** Each problem, one line each. */
  List<String> problems() {
    return problems;
  }

  /** What to do about them. */
  String advice() {
    return getMessage();
  }
}
