package io.baton.engine.language.internal;

/**
 * A place in a source file.
 *
 * @param line 1-based, 0 when unknown
 * @param column 1-based, 0 when unknown
 */
public record Position(int line, int column) {
  /** An unknown place (definitions built in Java). */
  public static final Position NONE = new Position(0, 0);

  /** Whether the place is known. */
  public boolean known() {
    return line > 0;
  }
}
