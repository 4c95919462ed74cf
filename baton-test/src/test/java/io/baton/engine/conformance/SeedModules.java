package io.baton.engine.conformance;

import io.baton.api.spi.CoordinationModule;
import io.baton.api.spi.StepContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Test doubles of the coordination modules the seed workflows call, registered through the module
 * SPI: each operation returns a result of the shape the seed's next steps read, and every call is
 * recorded.
 */
final class SeedModules {
  final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  CoordinationModule module(
      String name, Map<String, BiFunction<Map<String, Object>, StepContext, Object>> operations) {
    return new CoordinationModule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Set<String> operations() {
        return operations.keySet();
      }

      @Override
      public Object invoke(String operation, Map<String, Object> parameters, StepContext ctx) {
        calls.add(name + "." + operation);
        return operations.get(operation).apply(parameters, ctx);
      }
    };
  }

  List<CoordinationModule> all() {
    return List.of(
        module(
            "context",
            Map.of(
                "create-context",
                (p, c) ->
                    with(with(Map.of("contextId", "ctx-" + c.runId()), "name", p), "type", p))),
        module(
            "role",
            Map.of(
                "assign-roles",
                (p, c) -> with(Map.of("assignments", assignments(p)), "contextId", p))),
        module(
            "plan",
            Map.of(
                "create-plan",
                (p, c) ->
                    with(
                        Map.of("planId", "plan-" + p.getOrDefault("contextId", "1")),
                        "assignedRoles",
                        p),
                "createPlanA",
                (p, c) -> Map.of("planId", "plan-a"),
                "createPlanB",
                (p, c) -> Map.of("planId", "plan-b"),
                "executePlanA",
                (p, c) -> Map.of("executed", "A"),
                "executePlanB",
                (p, c) -> Map.of("executed", "B"))),
        module(
            "trace",
            Map.of("start-monitoring", (p, c) -> Map.of("traceId", "trace-" + p.get("planId")))),
        module(
            "dialog",
            Map.of(
                "facilitate-communication",
                (p, c) -> Map.of("dialogId", "dialog-1", "participants", p.get("participants")))),
        module(
            "core",
            Map.of(
                "executeTask", (p, c) -> Map.of("status", "done"),
                "mergeResults", (p, c) -> Map.of("merged", true),
                "evaluateCondition", (p, c) -> "A",
                "finalize", (p, c) -> Map.of("finalized", true))));
  }

  /** {@code base} plus {@code key} from {@code params} when it is there. */
  private static Map<String, Object> with(
      Map<String, Object> base, String key, Map<String, Object> params) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    if (params.get(key) != null) {
      out.put(key, params.get(key));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> assignments(Map<String, Object> p) {
    List<Object> out = new ArrayList<>();
    for (Object role : (List<Object>) p.getOrDefault("roles", List.of())) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("role", role);
      a.put("agent", "agent-" + role);
      out.add(a);
    }
    return out;
  }
}
