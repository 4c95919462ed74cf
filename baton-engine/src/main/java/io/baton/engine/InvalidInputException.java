package io.baton.engine;

import java.util.List;

/**
 * Inputs of a run, or an answer to a human step, that break their JSON Schema. Nothing was changed.
 */
public class InvalidInputException extends IllegalArgumentException {
  private final List<String> problems;

  /**
   * @param what what was checked ("the inputs of workflow 'x'", "the answer to step 'y'")
   * @param problems each problem, with its JSON pointer
   */
  public InvalidInputException(String what, List<String> problems) {
    super(what + " do not match the schema: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, with its JSON pointer. */
  public List<String> problems() {
    return problems;
  }
}
