package io.baton.engine.language;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link WorkflowLoader} knows beyond the language itself: the custom step types that are
 * registered (with the JSON Schema of their fields), the expression engine, and the limits.
 *
 * <pre>{@code
 * LanguageContext context =
 *     LanguageContext.of(expressionSupport)
 *         .withStepType("agent", Map.of("type", "object", "required", List.of("agent")))
 *         .withLimits(new Limits(512 * 1024, 32, 1_000));
 * }</pre>
 *
 * <p>The {@code task} type of the iflow format is always known: its one field is {@code
 * capability}.
 *
 * @param customStepTypes the registered step types by name, each with a JSON Schema of its fields
 *     (empty: any)
 * @param expressions the expression engine's checks
 * @param limits the size limits
 */
public record LanguageContext(
    Map<String, Map<String, Object>> customStepTypes,
    ExpressionSupport expressions,
    Limits limits) {

  /** The step types built into the language, in documentation order. */
  public static final List<String> BUILT_IN_TYPES =
      List.of(
          "start",
          "end",
          "condition",
          "switch",
          "parallel",
          "map",
          "loop",
          "subworkflow",
          "wait",
          "human",
          "transform",
          "event",
          "module",
          "tool");

  /** The step type of the iflow format's tasks, always registered. */
  public static final String TASK_TYPE = "task";

  /** The JSON Schema of a {@code task} step's fields. */
  public static final Map<String, Object> TASK_SCHEMA =
      Map.of(
          "type", "object",
          "required", List.of("capability"),
          "properties", Map.of("capability", Map.of("type", "string")));

  public LanguageContext {
    Objects.requireNonNull(expressions, "expressions");
    limits = Objects.requireNonNullElse(limits, Limits.DEFAULTS);
    Map<String, Map<String, Object>> types = new LinkedHashMap<>();
    types.put(TASK_TYPE, TASK_SCHEMA);
    if (customStepTypes != null) {
      customStepTypes.forEach(
          (name, schema) ->
              types.put(checkName(name), schema == null ? Map.of() : Map.copyOf(schema)));
    }
    customStepTypes = Collections.unmodifiableMap(types);
  }

  /** A context with no custom types but {@code task}, and the default limits. */
  public static LanguageContext of(ExpressionSupport expressions) {
    return new LanguageContext(Map.of(), expressions, Limits.DEFAULTS);
  }

  /**
   * A copy that also knows the step type {@code name}, whose fields must match {@code
   * configSchema}.
   */
  public LanguageContext withStepType(String name, Map<String, Object> configSchema) {
    Map<String, Map<String, Object>> types = new LinkedHashMap<>(customStepTypes);
    types.put(name, configSchema);
    return new LanguageContext(types, expressions, limits);
  }

  /** A copy with other limits. */
  public LanguageContext withLimits(Limits newLimits) {
    return new LanguageContext(customStepTypes, expressions, newLimits);
  }

  /** Every step type a definition may use: the built-in ones, then the custom ones. */
  public Set<String> knownTypes() {
    Set<String> all = new LinkedHashSet<>(BUILT_IN_TYPES);
    all.addAll(customStepTypes.keySet());
    return all;
  }

  private static String checkName(String name) {
    if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException("invalid step type name '" + name + "'");
    }
    if (BUILT_IN_TYPES.contains(name)) {
      throw new IllegalArgumentException("'" + name + "' is a built-in step type");
    }
    return name;
  }
}
