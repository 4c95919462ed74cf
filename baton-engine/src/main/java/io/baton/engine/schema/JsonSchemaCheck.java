package io.baton.engine.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks JSON values against JSON Schemas (draft 2020-12): run inputs against a workflow's {@code
 * inputs}, a person's answer against a human step's {@code form}. Compiled schemas are cached.
 */
public final class JsonSchemaCheck {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<Map<String, Object>, Schema> CACHE = new ConcurrentHashMap<>();

  private JsonSchemaCheck() {}

  /**
   * The problems of {@code value} against {@code schema}, each as {@code "<pointer>: <message>"};
   * empty when it conforms or the schema is empty.
   */
  public static List<String> problems(Map<String, Object> schema, Object value) {
    if (schema == null || schema.isEmpty()) {
      return List.of();
    }
    Schema compiled = CACHE.computeIfAbsent(schema, s -> REGISTRY.getSchema(MAPPER.valueToTree(s)));
    JsonNode node = MAPPER.valueToTree(value);
    return compiled.validate(node).stream().map(JsonSchemaCheck::describe).toList();
  }

  /**
   * {@code inputs} with the {@code default}s of {@code schema}'s top-level properties added where
   * one is missing (JSON Schema validation does not fill them in).
   */
  public static Map<String, Object> withDefaults(
      Map<String, Object> schema, Map<String, Object> inputs) {
    Map<String, Object> out = new LinkedHashMap<>(inputs);
    if (schema.get("properties") instanceof Map<?, ?> properties) {
      properties.forEach(
          (name, property) -> {
            if (property instanceof Map<?, ?> p && p.containsKey("default")) {
              out.putIfAbsent(String.valueOf(name), p.get("default"));
            }
          });
    }
    return out;
  }

  private static String describe(Error error) {
    String where = String.valueOf(error.getInstanceLocation());
    return (where.isEmpty() || "$".equals(where) ? "/" : where) + ": " + error.getMessage();
  }
}
