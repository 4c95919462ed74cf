package io.baton.cli.offline;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Offline stand-in for the MPLP {@code context} module: shared contexts (a blackboard) kept in
 * memory for the life of the CLI process. {@code create-context} → {@code {contextId, name, type,
 * variables}}.
 */
final class ContextModule extends OfflineModule {
  private final Map<String, Map<String, Object>> variables = new ConcurrentHashMap<>();

  ContextModule() {
    super("context");
    operation(
        "create-context",
        (p, ctx) -> {
          String id = DerivedIds.of(ctx, "context");
          Map<String, Object> initial = new LinkedHashMap<>();
          if (p.get("variables") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> initial.put(String.valueOf(k), v));
          }
          variables.put(id, initial);
          return result(
              "contextId", id,
              "name", text(p, "name", ctx.stepId()),
              "type", text(p, "type", "shared"),
              "variables", Map.copyOf(initial));
        });
    operation("get-context", (p, ctx) -> snapshot(contextId(p)));
    operation(
        "set-variable",
        (p, ctx) -> {
          String id = contextId(p);
          variables(id).put(text(p, "name", "value"), p.get("value"));
          return snapshot(id);
        });
    operation(
        "update-context",
        (p, ctx) -> {
          String id = contextId(p);
          if (p.get("variables") instanceof Map<?, ?> changes) {
            changes.forEach((k, v) -> variables(id).put(String.valueOf(k), v));
          }
          return snapshot(id);
        });
  }

  private Map<String, Object> snapshot(String id) {
    return result("contextId", id, "variables", new LinkedHashMap<>(variables(id)));
  }

  private Map<String, Object> variables(String id) {
    Map<String, Object> vars = variables.get(id);
    if (vars == null) {
      throw new StepException(
          ErrorKind.NOT_FOUND,
          "no context '" + id + "'; create it first with context.create-context");
    }
    return vars;
  }

  private static String contextId(Map<String, Object> p) {
    String id = text(p, "contextId", null);
    if (id == null) {
      throw new StepException(ErrorKind.BAD_INPUT, "parameter 'contextId' is required");
    }
    return id;
  }
}
