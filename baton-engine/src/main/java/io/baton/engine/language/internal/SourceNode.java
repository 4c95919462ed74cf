package io.baton.engine.language.internal;

/**
 * A value of a parsed YAML or JSON file that remembers where it was written: its JSON pointer and
 * the position of its first character. The binders read these instead of plain maps so that every
 * problem can be located.
 */
public sealed interface SourceNode permits SourceObject, SourceArray, SourceScalar {

  /** The node's JSON pointer from the document's root ({@code ""} for the root). */
  String pointer();

  /** Where the node starts. */
  Position position();

  /**
   * The node as a plain JSON value: maps (keeping key order), lists, strings, numbers, booleans,
   * null.
   */
  Object toJava();

  /**
   * What the node is, for messages: {@code an object}, {@code a list}, {@code the string "x"}, …
   */
  String describe();
}
