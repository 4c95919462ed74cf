package io.baton.cli.run;

import java.util.Optional;

/**
 * Where the answers to human steps come from: the {@code --answer} book first, then the person at
 * the terminal when there is one; otherwise the question cannot be answered.
 */
public final class Answers {
  private final AnswerBook book;
  private final Optional<TerminalQuestions> terminal;

  /**
   * @param book the answers given on the command line
   * @param terminal the terminal to ask on, or empty when nobody is there (CI)
   */
  public Answers(AnswerBook book, Optional<TerminalQuestions> terminal) {
    this.book = book;
    this.terminal = terminal;
  }

  /**
   * The answer to {@code question}.
   *
   * @throws MissingAnswerException when there is neither an {@code --answer} for it nor a terminal
   */
  public Object answer(Question question) {
    Optional<Object> given = book.find(question);
    if (given.isPresent()) {
      return given.get();
    }
    return terminal
        .orElseThrow(() -> new MissingAnswerException(question, "there is no terminal to ask on"))
        .ask(question);
  }

  /** Tells the person at the terminal, if there is one, something about their answer. */
  public void tell(String message) {
    terminal.ifPresent(t -> t.tell(message));
  }

  /** Whether answering may involve asking a person (so progress drawing must make room). */
  public boolean asks(Question question) {
    return book.find(question).isEmpty() && terminal.isPresent();
  }
}
