package io.baton.engine.expression.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises placeholder contents that are plain paths — {@code
 * root(.field|[int]|["key"]|['key'])*}, surrounded by optional spaces — so they are resolved by
 * walking maps and lists instead of running CEL. Names may contain {@code -} (step ids such as
 * {@code context-setup}) and, after a dot, start with a digit; {@code a - b} with spaces is not a
 * path but a subtraction.
 */
final class PathSyntax {
  private static final Set<String> LITERALS = Set.of("true", "false", "null", "in", "as");

  /**
   * One step of a path.
   *
   * @param key a String field name or an Integer index
   * @param position the 0-based offset of the segment's text in the placeholder content
   */
  record Segment(Object key, int position) {}

  /** A parsed path: the root name and its position, then the segments. */
  record Parsed(String root, int rootPosition, List<Segment> segments) {}

  private final String content;
  private int index;

  private PathSyntax(String content) {
    this.content = content;
  }

  /** The path {@code content} spells, or empty when it is something else (a CEL expression). */
  static Optional<Parsed> parse(String content) {
    return new PathSyntax(content).path();
  }

  private Optional<Parsed> path() {
    skipSpaces();
    int rootPosition = index;
    String root = name(false);
    if (root == null || LITERALS.contains(root)) {
      return Optional.empty();
    }
    List<Segment> segments = new ArrayList<>();
    while (index < content.length() && !Character.isWhitespace(content.charAt(index))) {
      Segment segment = segment();
      if (segment == null) {
        return Optional.empty();
      }
      segments.add(segment);
    }
    skipSpaces();
    return index == content.length()
        ? Optional.of(new Parsed(root, rootPosition, List.copyOf(segments)))
        : Optional.empty();
  }

  private Segment segment() {
    char c = content.charAt(index);
    if (c == '.') {
      index++;
      int at = index;
      String name = name(true);
      return name == null ? null : new Segment(name, at);
    }
    if (c == '[') {
      index++;
      int at = index;
      Object key =
          index < content.length() && Character.isDigit(content.charAt(index))
              ? number()
              : quoted();
      if (key == null || index >= content.length() || content.charAt(index) != ']') {
        return null;
      }
      index++;
      return new Segment(key, at);
    }
    return null;
  }

  private String name(boolean digitFirst) {
    int start = index;
    while (index < content.length()) {
      char c = content.charAt(index);
      boolean first = index == start;
      boolean ok =
          Character.isLetter(c)
              || c == '_'
              || (Character.isDigit(c) && (!first || digitFirst))
              || (c == '-' && !first);
      if (!ok) {
        break;
      }
      index++;
    }
    if (index == start || content.charAt(index - 1) == '-') {
      return null;
    }
    return content.substring(start, index);
  }

  private Integer number() {
    int start = index;
    while (index < content.length() && Character.isDigit(content.charAt(index))) {
      index++;
    }
    try {
      return Integer.valueOf(content.substring(start, index));
    } catch (NumberFormatException tooLarge) {
      return null;
    }
  }

  private String quoted() {
    if (index >= content.length()
        || (content.charAt(index) != '"' && content.charAt(index) != '\'')) {
      return null;
    }
    char quote = content.charAt(index++);
    StringBuilder key = new StringBuilder();
    while (index < content.length()) {
      char c = content.charAt(index++);
      if (c == quote) {
        return key.toString();
      }
      if (c == '\\' && index < content.length()) {
        c = content.charAt(index++);
      }
      key.append(c);
    }
    return null;
  }

  private void skipSpaces() {
    while (index < content.length() && Character.isWhitespace(content.charAt(index))) {
      index++;
    }
  }
}
