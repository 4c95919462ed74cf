package io.baton.engine.language.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds where a JSON pointer was written in a parsed file. A pointer to something absent (a missing
 * field) resolves to its nearest present ancestor, so every diagnostic gets a line.
 */
public final class SourceIndex {
  private final Map<String, SourceNode> nodes = new HashMap<>();
  private final Map<String, Position> keys = new HashMap<>();
  private final String[] lines;

  /**
   * @param root the parsed document, or null when nothing could be parsed
   * @param text the document's text, to map offsets inside strings to columns
   */
  public SourceIndex(SourceNode root, String text) {
    this.lines = text == null ? new String[0] : text.split("\r?\n|\r", -1);
    if (root != null) {
      index(root);
    }
  }

  /** An index of nothing: every position is unknown. */
  public static SourceIndex empty() {
    return new SourceIndex(null, null);
  }

  /** The node at {@code pointer}, or null. */
  public SourceNode node(String pointer) {
    return nodes.get(pointer);
  }

  /** Where the value at {@code pointer} (or its nearest present ancestor) starts. */
  public Position position(String pointer) {
    String p = pointer;
    while (p != null) {
      SourceNode node = nodes.get(p);
      if (node != null) {
        return node.position();
      }
      p = Pointer.parent(p);
    }
    return Position.NONE;
  }

  /** Where the key of the member at {@code pointer} was written, or the value's position. */
  public Position keyPosition(String pointer) {
    Position key = keys.get(pointer);
    return key != null ? key : position(pointer);
  }

  /**
   * The position {@code offset} characters into the string at {@code pointer}, when the string was
   * written on one line exactly as it reads (plain or quoted, without escapes); otherwise where the
   * string starts.
   */
  public Position position(String pointer, int offset) {
    Position start = position(pointer);
    if (offset < 0 || !(nodes.get(pointer) instanceof SourceScalar(var p, var pos, String value))) {
      return start;
    }
    if (start.line() < 1 || start.line() > lines.length) {
      return start;
    }
    String line = lines[start.line() - 1];
    int at = start.column() - 1;
    if (line.startsWith(value, at)) {
      return new Position(start.line(), start.column() + offset);
    }
    boolean quoted = at < line.length() && (line.charAt(at) == '"' || line.charAt(at) == '\'');
    if (quoted && line.startsWith(value, at + 1)) {
      return new Position(start.line(), start.column() + 1 + offset);
    }
    return start;
  }

  private void index(SourceNode node) {
    nodes.put(node.pointer(), node);
    switch (node) {
      case SourceObject o ->
          o.fields()
              .forEach(
                  (name, child) -> {
                    keys.put(child.pointer(), o.keyPosition(name));
                    index(child);
                  });
      case SourceArray a -> a.items().forEach(this::index);
      case SourceScalar s -> {}
    }
  }
}
