package io.baton.server.workflow;

import io.baton.engine.language.LanguageContext;
import io.baton.engine.language.WorkflowSchema;
import io.baton.server.engine.StepTypeRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node-type catalogue: every step type the engine accepts, with the JSON Schema of its fields
 * taken from the language's own schema ({@code docs/workflow.schema.json}) — so the editor's
 * property panel and the validator can never disagree — and the schemas of step types added by
 * extensions.
 */
@Component
public class NodeTypeCatalog {
  private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  private final List<NodeType> types;

  NodeTypeCatalog(StepTypeRegistry registry) {
    Map<String, Object> schema =
        JsonMapper.builder().build().readValue(WorkflowSchema.text(), new TypeReference<>() {});
    @SuppressWarnings("unchecked")
    Map<String, Object> defs = (Map<String, Object>) schema.get("$defs");
    List<NodeType> all = new ArrayList<>();
    for (String type : LanguageContext.BUILT_IN_TYPES) {
      all.add(builtIn(type, bundle(defs, type + "Step")));
    }
    all.add(NodeTypeTexts.of(LanguageContext.TASK_TYPE, withDialect(LanguageContext.TASK_SCHEMA)));
    registry
        .customTypes()
        .forEach(
            (type, config) -> {
              if (!type.equals(LanguageContext.TASK_TYPE)) {
                all.add(NodeTypeTexts.of(type, withDialect(config)));
              }
            });
    this.types = List.copyOf(all);
  }

  /** Every step type, built-in ones first, in documentation order. */
  public List<NodeType> all() {
    return types;
  }

  private static NodeType builtIn(String type, Map<String, Object> schema) {
    return NodeTypeTexts.of(type, schema);
  }

  /**
   * A self-contained schema for one definition of the language's schema: a reference to it and
   * every definition it reaches.
   */
  static Map<String, Object> bundle(Map<String, Object> defs, String root) {
    Map<String, Object> reached = new LinkedHashMap<>();
    collect(defs, root, reached);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("$schema", DIALECT);
    out.put("$ref", "#/$defs/" + root);
    out.put("$defs", reached);
    return out;
  }

  private static void collect(Map<String, Object> defs, String name, Map<String, Object> reached) {
    if (reached.containsKey(name) || !defs.containsKey(name)) {
      return;
    }
    Object def = defs.get(name);
    reached.put(name, def);
    List<String> refs = new ArrayList<>();
    refs(def, refs);
    refs.forEach(r -> collect(defs, r, reached));
  }

  private static void refs(Object node, List<String> out) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            if ("$ref".equals(k) && v instanceof String ref && ref.startsWith("#/$defs/")) {
              out.add(ref.substring("#/$defs/".length()));
            } else {
              refs(v, out);
            }
          });
    } else if (node instanceof List<?> list) {
      list.forEach(v -> refs(v, out));
    }
  }

  private static Map<String, Object> withDialect(Map<String, Object> schema) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("$schema", DIALECT);
    out.putAll(schema);
    out.putIfAbsent("type", "object");
    return out;
  }
}
