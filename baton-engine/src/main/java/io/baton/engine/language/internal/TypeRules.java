package io.baton.engine.language.internal;

import static io.baton.engine.language.DiagnosticCodes.INVALID_CONFIG;
import static io.baton.engine.language.DiagnosticCodes.INVALID_VALUE;
import static io.baton.engine.language.DiagnosticCodes.MISSING_FIELD;
import static io.baton.engine.language.DiagnosticCodes.UNKNOWN_STEP_TYPE;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.baton.api.definition.CustomStep;
import io.baton.engine.language.LanguageContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step types: a custom step's type must be registered, and its fields must match the JSON Schema
 * registered with it (draft 2020-12, compiled once per loader).
 */
final class TypeRules {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

  private final List<String> known;
  private final Map<String, Schema> schemas = new HashMap<>();

  /**
   * @throws IllegalArgumentException when a registered schema is not a valid JSON Schema
   */
  TypeRules(LanguageContext context) {
    this.known = List.copyOf(context.knownTypes());
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    context
        .customStepTypes()
        .forEach(
            (type, schema) -> {
              if (!schema.isEmpty()) {
                schemas.put(type, compile(registry, type, schema));
              }
            });
  }

  /** Compiles a registered schema after checking it against the draft 2020-12 meta-schema. */
  private static Schema compile(SchemaRegistry registry, String type, Map<String, Object> schema) {
    String problem;
    try {
      var node = JSON.valueToTree(schema);
      List<Error> errors = registry.getSchema(SchemaLocation.of(META_SCHEMA)).validate(node);
      if (errors.isEmpty()) {
        return registry.getSchema(node);
      }
      problem = errors.getFirst().getMessage();
    } catch (RuntimeException e) {
      problem = e.getMessage();
    }
    throw new IllegalArgumentException(
        "the config schema of step type '" + type + "' is invalid: " + problem);
  }

  void check(StepIndex index, Findings out) {
    for (StepEntry e : index.entries()) {
      if (e.step() instanceof CustomStep c) {
        custom(e, c, out);
      }
    }
  }

  private void custom(StepEntry e, CustomStep c, Findings out) {
    String stepId = e.id().isBlank() ? null : e.id();
    if (c.type() == null || c.type().isBlank()) {
      out.add(Finding.error(MISSING_FIELD, e.pointer(), "a step needs a \"type\"").step(stepId));
      return;
    }
    if (LanguageContext.BUILT_IN_TYPES.contains(c.type())) {
      out.add(
          Finding.error(
                  INVALID_VALUE,
                  e.at("type"),
                  "\"" + c.type() + "\" is a built-in step type, but this step is a CustomStep")
              .step(stepId)
              .hint("build it with its own record (" + c.type() + " step) instead"));
      return;
    }
    if (!known.contains(c.type())) {
      out.add(
          Finding.error(
                  UNKNOWN_STEP_TYPE,
                  e.at("type"),
                  "unknown step type \""
                      + c.type()
                      + "\"; the known types are: "
                      + String.join(", ", known))
              .step(stepId)
              .hint(NearestName.hint(c.type(), known)));
      return;
    }
    Schema schema = schemas.get(c.type());
    if (schema == null) {
      return;
    }
    for (Error error : schema.validate(JSON.valueToTree(c.config()))) {
      out.add(
          Finding.error(
                  INVALID_CONFIG,
                  e.pointer() + pointer(error.getInstanceLocation()),
                  "the fields of this "
                      + c.type()
                      + " step break its schema: "
                      + error.getMessage())
              .step(stepId));
    }
  }

  /** A validator path as a JSON pointer suffix ({@code /agent}). */
  private static String pointer(NodePath path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      out.append(
          element instanceof Integer n
              ? Pointer.child("", n)
              : Pointer.child("", element.toString()));
    }
    return out.toString();
  }
}
