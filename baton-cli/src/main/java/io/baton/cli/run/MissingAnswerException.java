package io.baton.cli.run;

/**
 * A human step asks a question that nobody can answer: no {@code --answer} for it and no terminal
 * to ask on.
 */
public class MissingAnswerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The question could not be answered, for {@code reason}. */
  public MissingAnswerException(Question question, String reason) {
    super(
        "step '"
            + question.path()
            + "' asks \""
            + question.prompt()
            + "\" but "
            + reason
            + "; pass --answer "
            + question.stepId()
            + "=<value>"
            + FormValues.example(question.form()));
  }
}
