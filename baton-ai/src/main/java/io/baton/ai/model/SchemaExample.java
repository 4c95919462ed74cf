package io.baton.ai.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic value that matches a JSON Schema: what the offline model answers when asked for
 * structured output and its script says nothing. Strings are derived from a seed text so that
 * different inputs give different answers.
 */
final class SchemaExample {
  private SchemaExample() {}

  @SuppressWarnings("unchecked")
  static Object of(Map<String, Object> schema, String seed) {
    if (schema.containsKey("const")) {
      return schema.get("const");
    }
    if (schema.containsKey("default")) {
      return schema.get("default");
    }
    if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
      return values.get(0);
    }
    for (String choice : List.of("anyOf", "oneOf")) {
      if (schema.get(choice) instanceof List<?> options && !options.isEmpty()) {
        return of((Map<String, Object>) options.get(0), seed);
      }
    }
    Object type = schema.get("type");
    if (type instanceof List<?> types && !types.isEmpty()) {
      type = types.get(0);
    }
    if (type == null) {
      type = schema.containsKey("properties") ? "object" : "string";
    }
    return switch (type.toString()) {
      case "object" -> object(schema, seed);
      case "array" -> array(schema, seed);
      case "integer" -> number(schema).longValue();
      case "number" -> number(schema).doubleValue();
      case "boolean" -> true;
      case "null" -> null;
      default -> text(schema, seed);
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> schema, String seed) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (schema.get("properties") instanceof Map<?, ?> props) {
      for (Map.Entry<?, ?> p : props.entrySet()) {
        out.put(
            p.getKey().toString(), of((Map<String, Object>) p.getValue(), seed + " " + p.getKey()));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> array(Map<String, Object> schema, String seed) {
    int n = schema.get("minItems") instanceof Number min ? Math.max(1, min.intValue()) : 1;
    Map<String, Object> items =
        schema.get("items") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(of(items, seed + " " + (i + 1)));
    }
    return out;
  }

  private static Number number(Map<String, Object> schema) {
    if (schema.get("minimum") instanceof Number min) {
      return min;
    }
    if (schema.get("maximum") instanceof Number max) {
      return Math.min(1, max.doubleValue());
    }
    return 1;
  }

  private static String text(Map<String, Object> schema, String seed) {
    String text = "offline: " + seed.strip();
    if (schema.get("maxLength") instanceof Number max && text.length() > max.intValue()) {
      text = text.substring(0, max.intValue());
    }
    return text;
  }
}
