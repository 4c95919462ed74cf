package io.baton.cli.run;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one answer typed by a person, as the JSON Schema of a form field says: {@code y}/{@code n}
 * for booleans, numbers, one of an {@code enum}, JSON for objects and lists, text otherwise.
 */
public final class FormValues {
  private FormValues() {}

  /**
   * {@code text} as a value of {@code schema}.
   *
   * @throws IllegalArgumentException saying what was expected
   */
  public static Object parse(String text, Map<String, Object> schema) {
    String t = text.strip();
    Object type = schema.get("type");
    Object value =
        switch (type == null ? "" : String.valueOf(type)) {
          case "boolean" -> bool(t);
          case "integer" -> integer(t);
          case "number" -> number(t);
          case "string" -> t;
          case "object", "array" -> json(t, String.valueOf(type));
          default -> JsonText.value(t);
        };
    if (schema.get("enum") instanceof List<?> choices
        && choices.stream().noneMatch(c -> String.valueOf(c).equals(String.valueOf(value)))) {
      throw new IllegalArgumentException("expected one of " + choices);
    }
    return value;
  }

  /**
   * A description of the expected form of an answer, e.g. {@code (boolean)}, {@code (one of [a,
   * b])}.
   */
  public static String describe(Map<String, Object> schema) {
    if (schema.get("enum") instanceof List<?> choices) {
      return "one of " + choices;
    }
    Object type = schema.get("type");
    return switch (type == null ? "" : String.valueOf(type)) {
      case "boolean" -> "y/n";
      case "" -> "JSON or text";
      default -> String.valueOf(type);
    };
  }

  /**
   * An example of {@code --answer} values for a form, as a hint: {@code ' (e.g. {"approved":
   * true})'}.
   */
  public static String example(Map<String, Object> form) {
    if (form.get("properties") instanceof Map<?, ?> properties && !properties.isEmpty()) {
      StringBuilder out = new StringBuilder(" (a JSON object, e.g. '{");
      String separator = "";
      for (Map.Entry<?, ?> e : properties.entrySet()) {
        out.append(separator)
            .append('"')
            .append(e.getKey())
            .append("\": ")
            .append(sample(e.getValue()));
        separator = ", ";
      }
      return out.append("}')").toString();
    }
    return form.isEmpty() ? "" : " (" + describe(form) + ")";
  }

  private static String sample(Object property) {
    Map<?, ?> p = property instanceof Map<?, ?> m ? m : Map.of();
    if (p.get("enum") instanceof List<?> choices && !choices.isEmpty()) {
      return choices.getFirst() instanceof String s
          ? "\"" + s + "\""
          : String.valueOf(choices.getFirst());
    }
    return switch (String.valueOf(p.get("type"))) {
      case "boolean" -> "true";
      case "integer", "number" -> "1";
      case "array" -> "[]";
      case "object" -> "{}";
      default -> "\"…\"";
    };
  }

  private static Boolean bool(String t) {
    return switch (t.toLowerCase(Locale.ROOT)) {
      case "y", "yes", "true" -> true;
      case "n", "no", "false" -> false;
      default -> throw new IllegalArgumentException("expected y or n");
    };
  }

  private static Long integer(String t) {
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number such as 42");
    }
  }

  private static Double number(String t) {
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number such as 4.5");
    }
  }

  private static Object json(String t, String type) {
    Object value = JsonText.value(t);
    boolean ok = type.equals("object") ? value instanceof Map<?, ?> : value instanceof List<?>;
    if (!ok) {
      throw new IllegalArgumentException(
          "expected a JSON "
              + type
              + " such as "
              + (type.equals("object") ? "{\"a\": 1}" : "[1, 2]"));
    }
    return value;
  }
}
