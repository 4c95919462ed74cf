package io.baton.modules.mplp.invariant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path into a JSON document in the form the MPLP invariant files write: {@code context_id},
 * {@code meta.created_at}, {@code steps[*].step_id}, {@code steps[0]}, {@code
 * events[?event_type=="tool.call"].data}. Resolving it expands wildcards and filters into every
 * concrete location, each named both as the invariant files write it ({@code steps[1].description})
 * and as a JSON pointer ({@code /steps/1/description}).
 *
 * <pre>{@code
 * List<DocPath.Location> found = DocPath.parse("steps[*].description").resolve(plan);
 * }</pre>
 */
public final class DocPath {
  private static final Pattern SEGMENT =
      Pattern.compile(
          "([A-Za-z_$][A-Za-z0-9_$-]*)|\\[\\*]|\\[(\\d+)]|\\[\\?([A-Za-z_][A-Za-z0-9_]*)==\"([^\"]*)\"]");

  private sealed interface Segment {}

  private record Field(String name) implements Segment {}

  private record Index(int index) implements Segment {}

  private record Every() implements Segment {}

  private record Where(String field, String value) implements Segment {}

  /**
   * One concrete location a path reached.
   *
   * @param path as the invariant files write it, e.g. {@code steps[1].description}
   * @param pointer the JSON pointer, e.g. {@code /steps/1/description}
   * @param present whether the document has a value there (null counts as present)
   * @param value the value, or null
   */
  public record Location(String path, String pointer, boolean present, Object value) {}

  private final String text;
  private final List<Segment> segments;

  private DocPath(String text, List<Segment> segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * Parses a path.
   *
   * @throws IllegalArgumentException naming the offending position when it is not a path
   */
  public static DocPath parse(String text) {
    List<Segment> segments = new ArrayList<>();
    Matcher m = SEGMENT.matcher(text);
    int at = 0;
    while (at < text.length()) {
      if (text.charAt(at) == '.' && at > 0) {
        at++;
      }
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException(
            "invariant path '"
                + text
                + "' cannot be read at position "
                + at
                + "; paths are fields joined by dots, with [*], [n] or [?field==\"value\"]");
      }
      if (m.group(1) != null) {
        segments.add(new Field(m.group(1)));
      } else if (m.group(2) != null) {
        segments.add(new Index(Integer.parseInt(m.group(2))));
      } else if (m.group(3) != null) {
        segments.add(new Where(m.group(3), m.group(4)));
      } else {
        segments.add(new Every());
      }
      at = m.end();
    }
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("an invariant path is empty");
    }
    return new DocPath(text, List.copyOf(segments));
  }

  /** Every location this path reaches in {@code document}, missing ones included. */
  public List<Location> resolve(Object document) {
    List<Location> out = new ArrayList<>();
    walk(document, 0, "", "", out);
    return out;
  }

  private void walk(Object node, int i, String path, String pointer, List<Location> out) {
    if (i == segments.size()) {
      out.add(new Location(path, pointer.isEmpty() ? "/" : pointer, true, node));
      return;
    }
    switch (segments.get(i)) {
      case Field f -> {
        String p = path.isEmpty() ? f.name() : path + "." + f.name();
        String q = pointer + "/" + f.name();
        if (node instanceof Map<?, ?> map && map.containsKey(f.name())) {
          walk(map.get(f.name()), i + 1, p, q, out);
        } else {
          out.add(new Location(p + rest(i + 1), q, false, null));
        }
      }
      case Index x -> {
        if (node instanceof List<?> list && x.index() < list.size()) {
          walk(
              list.get(x.index()),
              i + 1,
              path + "[" + x.index() + "]",
              pointer + "/" + x.index(),
              out);
        } else {
          out.add(new Location(path + "[" + x.index() + "]" + rest(i + 1), pointer, false, null));
        }
      }
      case Every e -> {
        if (node instanceof List<?> list) {
          for (int k = 0; k < list.size(); k++) {
            walk(list.get(k), i + 1, path + "[" + k + "]", pointer + "/" + k, out);
          }
        }
      }
      case Where w -> {
        if (node instanceof List<?> list) {
          for (int k = 0; k < list.size(); k++) {
            if (list.get(k) instanceof Map<?, ?> item
                && w.value().equals(String.valueOf(item.get(w.field())))) {
              walk(item, i + 1, path + "[" + k + "]", pointer + "/" + k, out);
            }
          }
        }
      }
    }
  }

  private String rest(int from) {
    StringBuilder b = new StringBuilder();
    for (Segment s : segments.subList(from, segments.size())) {
      b.append(
          switch (s) {
            case Field f -> "." + f.name();
            case Index x -> "[" + x.index() + "]";
            case Every e -> "[*]";
            case Where w -> "[?" + w.field() + "==\"" + w.value() + "\"]";
          });
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
