package io.baton.cli.run;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a run's inputs against the workflow's {@code inputs} JSON Schema before the run starts, after filling in
 * the {@code default}s of the schema's top-level properties, so that a missing or mistyped input is reported at
 * once (exit 2) instead of failing a step halfway through.
 */
public final class InputCheck {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private InputCheck() {}

  /** {@code inputs} with the defaults of {@code schema}'s properties added where an input is missing. */
  public static Map<String, Object> withDefaults(Map<String, Object> schema, Map<String, Object> inputs) {
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

  /**
   * What is wrong with {@code inputs}, one line per problem naming the input; empty when they are valid or the
   * schema is empty.
   */
  public static List<String> problems(Map<String, Object> schema, Map<String, Object> inputs) {
    List<String> out = new ArrayList<>();
    if (schema.isEmpty()) {
      return out;
    }
    Schema compiled = SCHEMAS.getSchema(JSON.valueToTree(schema));
    JsonNode instance = JSON.valueToTree(inputs);
    for (Error error : compiled.validate(instance)) {
      String where = error.getInstanceLocation().toString();
      out.add(
          (where.equals("$") ? "inputs" : "input " + where.replaceFirst("^\\$\\.?", ""))
              + ": "
              + error.getMessage().replaceFirst("^\\$[^:]*: ", ""));
    }
    return out;
  }
}
