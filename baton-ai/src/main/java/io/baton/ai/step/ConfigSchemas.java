package io.baton.ai.step;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON Schemas of the AI step types' fields, checked when a workflow is validated. */
public final class ConfigSchemas {
  private static final Map<String, Object> TEXT = Map.of("type", "string");
  private static final Map<String, Object> TEXTS =
      Map.of("type", "array", "items", Map.of("type", "string"));
  private static final Map<String, Object> POSITIVE = Map.of("type", "integer", "minimum", 1);

  /**
   * A model step's rule-based fallback, its output while the server calls no model (degradation
   * level 3): any JSON value but null, whose {@code ${…}} placeholders read the step's {@code
   * input}.
   */
  private static final Map<String, Object> FALLBACK =
      Map.of(
          "description",
          "the output while no model may be called (server degradation level 3); ${input.…}"
              + " reads the step's input",
          "not",
          Map.of("type", "null"));

  private ConfigSchemas() {}

  /** The fields of a step that runs one agent: a registered one, or one defined inline. */
  public static Map<String, Object> agentStep() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("agent", TEXT);
    p.put("model", TEXT);
    p.put("fallbacks", TEXTS);
    p.put("system", TEXT);
    p.put("role", TEXT);
    p.put("tools", TEXTS);
    p.put("maxIterations", POSITIVE);
    p.put("outputSchema", Map.of("type", "object"));
    p.put("temperature", Map.of("type", "number"));
    p.put("maxTokens", POSITIVE);
    p.put("memory", Map.of("type", "object"));
    p.put("stream", Map.of("type", "boolean"));
    p.put("options", Map.of("type", "object"));
    p.put("fallback", FALLBACK);
    return schema(p, List.of());
  }

  /** The fields of a team step ({@code supervisor}, {@code handoff}, {@code debate}, …). */
  public static Map<String, Object> teamStep(Map<String, Object> extra) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("agents", Map.of("type", "array", "items", TEXT, "minItems", 1));
    p.put("model", TEXT);
    p.put("fallbacks", TEXTS);
    p.put("fallback", FALLBACK);
    p.putAll(extra);
    return schema(p, List.of("agents"));
  }

  /** A positive whole number. */
  public static Map<String, Object> positive() {
    return POSITIVE;
  }

  /** A text. */
  public static Map<String, Object> text() {
    return TEXT;
  }

  private static Map<String, Object> schema(Map<String, Object> props, List<String> required) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "object");
    s.put("properties", props);
    s.put("additionalProperties", false);
    if (!required.isEmpty()) {
      s.put("required", required);
    }
    return s;
  }
}
