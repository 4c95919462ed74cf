package io.baton.ai.tool;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.baton.api.spi.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tool specifications for models, generated from each tool's JSON Schema: objects, arrays, strings,
 * numbers, integers, booleans, enums, {@code anyOf}/{@code oneOf}, descriptions and {@code
 * required}. A tool with an empty schema takes any object.
 */
public final class ToolSchemas {
  private ToolSchemas() {}

  /** The specification a model sees for {@code tool}. */
  public static ToolSpecification specification(Tool tool) {
    return ToolSpecification.builder()
        .name(tool.name())
        .description(tool.description())
        .parameters(object(tool.parameters()))
        .build();
  }

  /** The object schema of a tool's parameters. */
  @SuppressWarnings("unchecked")
  static JsonObjectSchema object(Map<String, Object> schema) {
    JsonObjectSchema.Builder b = JsonObjectSchema.builder();
    if (schema.get("description") instanceof String d) {
      b.description(d);
    }
    if (schema.get("properties") instanceof Map<?, ?> props) {
      for (Map.Entry<?, ?> p : props.entrySet()) {
        b.addProperty(p.getKey().toString(), element((Map<String, Object>) p.getValue()));
      }
    }
    if (schema.get("required") instanceof List<?> required) {
      b.required(required.stream().map(Object::toString).toList());
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  static JsonSchemaElement element(Map<String, Object> schema) {
    String description = schema.get("description") instanceof String d ? d : null;
    if (schema.get("enum") instanceof List<?> values) {
      return JsonEnumSchema.builder()
          .description(description)
          .enumValues(values.stream().map(String::valueOf).toList())
          .build();
    }
    for (String choice : List.of("anyOf", "oneOf")) {
      if (schema.get(choice) instanceof List<?> options) {
        List<JsonSchemaElement> elements = new ArrayList<>();
        options.forEach(o -> elements.add(element((Map<String, Object>) o)));
        return JsonAnyOfSchema.builder().description(description).anyOf(elements).build();
      }
    }
    Object type = schema.get("type");
    if (type instanceof List<?> types && !types.isEmpty()) {
      type =
          types.stream()
              .map(String::valueOf)
              .filter(t -> !"null".equals(t))
              .findFirst()
              .orElse("null");
    }
    String name =
        type == null ? (schema.containsKey("properties") ? "object" : "string") : type.toString();
    return switch (name) {
      case "object" -> object(schema);
      case "array" ->
          JsonArraySchema.builder()
              .description(description)
              .items(
                  schema.get("items") instanceof Map<?, ?> items
                      ? element((Map<String, Object>) items)
                      : JsonStringSchema.builder().build())
              .build();
      case "integer" -> JsonIntegerSchema.builder().description(description).build();
      case "number" -> JsonNumberSchema.builder().description(description).build();
      case "boolean" -> JsonBooleanSchema.builder().description(description).build();
      case "null" -> new JsonNullSchema();
      default -> JsonStringSchema.builder().description(description).build();
    };
  }
}
