package io.baton.engine.expression.internal;

import io.baton.engine.expression.Reference;
import io.baton.engine.expression.Variables;
import io.baton.engine.expression.internal.PathSyntax.Segment;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A placeholder holding a path, resolved by walking maps and lists — no CEL, no allocation. Segment
 * 0 is the root variable; seeds' aliases are already expanded ({@code plan.result.x} is stored as
 * {@code steps.plan.output.x}).
 *
 * @param segments the canonical path, positions in the content
 * @param text the placeholder's text and location
 * @param lenient whether an unresolvable path yields null instead of an error
 * @param references the steps it reads
 */
record PathPlaceholder(
    List<Segment> segments, PlaceholderText text, boolean lenient, List<Reference> references)
    implements Placeholder {

  private static final Object MISSING = new Object();

  @Override
  public Object evaluate(Map<String, Object> variables) {
    String root = (String) segments.getFirst().key();
    Object current = variables.get(root);
    if (current == null && !variables.containsKey(root)) {
      return miss(
          "variable '" + root + "' is not set here; set: " + new TreeSet<>(variables.keySet()), 0);
    }
    for (int i = 1; i < segments.size(); i++) {
      Object next = step(current, segments.get(i).key());
      if (next == MISSING) {
        return miss(explain(current, i), i);
      }
      current = next;
    }
    return current;
  }

  private static Object step(Object current, Object key) {
    if (current instanceof Map<?, ?> map) {
      Object name = key instanceof Integer ? key.toString() : key;
      Object value = map.get(name);
      return value != null || map.containsKey(name) ? value : MISSING;
    }
    if (current instanceof List<?> list) {
      int index = index(key);
      return index >= 0 && index < list.size() ? list.get(index) : MISSING;
    }
    return MISSING;
  }

  private static int index(Object key) {
    if (key instanceof Integer i) {
      return i;
    }
    String s = (String) key;
    return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit)
        ? Integer.parseInt(s)
        : -1;
  }

  private Object miss(String detail, int segment) {
    if (lenient) {
      return null;
    }
    throw text.error("cannot resolve: " + detail, segments.get(segment).position());
  }

  private String explain(Object container, int segment) {
    String path = display(segment);
    Object key = segments.get(segment).key();
    return switch (container) {
      case null -> path + " is null; cannot read " + describeKey(key);
      case Map<?, ?> map when segment == 1 && Variables.STEPS.equals(segments.getFirst().key()) ->
          "no step '"
              + key
              + "' has state (it has not run, or there is no such step); steps with state: "
              + keys(map);
      case Map<?, ?> map -> path + " has no field '" + key + "'; available: " + keys(map);
      case List<?> list when index(key) >= 0 ->
          path + " has " + list.size() + " element(s); index " + key + " is out of range";
      case List<?> list -> path + " is a list; cannot read field '" + key + "'";
      default ->
          path + " is " + typeName(container) + ", not an object; cannot read " + describeKey(key);
    };
  }

  private String display(int upTo) {
    StringBuilder path = new StringBuilder((String) segments.getFirst().key());
    for (int i = 1; i < upTo; i++) {
      Object key = segments.get(i).key();
      if (key instanceof Integer) {
        path.append('[').append(key).append(']');
      } else if (((String) key).matches("[A-Za-z0-9_-]+")) {
        path.append('.').append(key);
      } else {
        path.append("[\"").append(key).append("\"]");
      }
    }
    return path.toString();
  }

  private static String describeKey(Object key) {
    return key instanceof Integer ? "index " + key : "field '" + key + "'";
  }

  private static TreeSet<String> keys(Map<?, ?> map) {
    TreeSet<String> keys = new TreeSet<>();
    map.keySet().forEach(k -> keys.add(String.valueOf(k)));
    return keys;
  }

  private static String typeName(Object value) {
    return switch (value) {
      case String s -> "a string";
      case Number n -> "a number (" + n + ")";
      case Boolean b -> "a boolean (" + b + ")";
      default -> "a " + value.getClass().getSimpleName();
    };
  }
}
