package io.baton.cli.progress;

/**
 * ANSI escape sequences for colour and cursor movement, or nothing at all when they are disabled
 * (not a terminal, or {@code NO_COLOR} set).
 */
final class Ansi {
  static final String GREEN = "32";
  static final String RED = "31";
  static final String YELLOW = "33";
  static final String CYAN = "36";
  static final String DIM = "2";
  static final String BOLD = "1";

  private final boolean enabled;

  Ansi(boolean enabled) {
    this.enabled = enabled;
  }

  /** {@code text} in style {@code code} (one of the constants). */
  String paint(String text, String code) {
    return enabled && code != null ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }

  /**
   * Moves the cursor to the start of the line {@code lines} lines up and clears everything below
   * it.
   */
  String rewind(int lines) {
    if (lines <= 0) {
      return "";
    }
    return "\r\u001b[" + lines + "A\u001b[J";
  }
}
