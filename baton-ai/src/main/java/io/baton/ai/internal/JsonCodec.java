package io.baton.ai.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON text to and from the JSON-like values (maps, lists, strings, numbers) Baton steps pass. */
public final class JsonCodec {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonCodec() {}

  /** The value as JSON text; a string is written as a JSON string. */
  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  /** The JSON text as a JSON-like value. */
  public static Object read(String json) {
    return MAPPER.readValue(json, Object.class);
  }

  /** The value as a tree, for schema validation. */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /**
   * Tool-call arguments as an object: models send JSON text that should be an object; a blank text
   * is no arguments.
   *
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readObject(String json) {
    if (json == null || json.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      Object value = MAPPER.readValue(json, Object.class);
      if (value instanceof Map<?, ?> m) {
        return (Map<String, Object>) m;
      }
      throw new IllegalArgumentException("expected a JSON object, found: " + abbreviate(json));
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "not valid JSON (" + e.getOriginalMessage() + "): " + abbreviate(json), e);
    }
  }

  /**
   * The first JSON value in a model's answer: the whole text, or a fenced {@code ```json} block, or
   * the span from the first '{' or '[' to the last matching closer.
   *
   * @return the value, or null when the text holds no JSON
   */
  public static Object extract(String text) {
    if (text == null) {
      return null;
    }
    for (String candidate : candidates(text.strip())) {
      try {
        return MAPPER.readValue(candidate, Object.class);
      } catch (JacksonException e) {
        // try the next way of reading the answer
      }
    }
    return null;
  }

  private static List<String> candidates(String text) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    out.add(text);
    int fence = text.indexOf("```");
    if (fence >= 0) {
      int start = text.indexOf('\n', fence);
      int end = text.indexOf("```", start + 1);
      if (start > 0 && end > start) {
        out.add(text.substring(start + 1, end));
      }
    }
    int obj = text.indexOf('{');
    int objEnd = text.lastIndexOf('}');
    if (obj >= 0 && objEnd > obj) {
      out.add(text.substring(obj, objEnd + 1));
    }
    int arr = text.indexOf('[');
    int arrEnd = text.lastIndexOf(']');
    if (arr >= 0 && arrEnd > arr) {
      out.add(text.substring(arr, arrEnd + 1));
    }
    return out;
  }

  /** At most 200 characters of {@code text}, for messages. */
  public static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
