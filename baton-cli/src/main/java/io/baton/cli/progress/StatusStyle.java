package io.baton.cli.progress;

import io.baton.api.run.StepStatus;

/**
 * How a step's state is shown: a word for plain output, a symbol and a colour for the live tree.
 */
enum StatusStyle {
  PENDING("pending", "·", Ansi.DIM),
  READY("ready", "○", Ansi.DIM),
  RUNNING("running", "●", Ansi.CYAN),
  WAITING("waiting", "◷", Ansi.YELLOW),
  RETRYING("retrying", "↻", Ansi.YELLOW),
  COMPLETED("completed", "✔", Ansi.GREEN),
  FAILED("failed", "✖", Ansi.RED),
  SKIPPED("skipped", "↷", Ansi.DIM),
  CANCELLED("cancelled", "⊘", Ansi.DIM);

  private final String word;
  private final String symbol;
  private final String colour;

  StatusStyle(String word, String symbol, String colour) {
    this.word = word;
    this.symbol = symbol;
    this.colour = colour;
  }

  /** The style of {@code node}'s current state. */
  static StatusStyle of(StepNode node) {
    if (node.isRetrying()) {
      return RETRYING;
    }
    return switch (node.status()) {
      case PENDING -> PENDING;
      case READY -> READY;
      case RUNNING -> RUNNING;
      case WAITING -> WAITING;
      case COMPLETED -> COMPLETED;
      case FAILED -> FAILED;
      case SKIPPED -> SKIPPED;
      case CANCELLED -> CANCELLED;
    };
  }

  /** The style of a step status. */
  static StatusStyle of(StepStatus status) {
    return valueOf(status.name());
  }

  String word() {
    return word;
  }

  String symbol() {
    return symbol;
  }

  String colour() {
    return colour;
  }
}
