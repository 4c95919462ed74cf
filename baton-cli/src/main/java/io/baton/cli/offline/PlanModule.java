package io.baton.cli.offline;

import io.baton.api.spi.StepContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Offline stand-in for the MPLP {@code plan} module: a rule-based planner. {@code create-plan}
 * turns the given {@code tasks}, or else one task per assigned role, or else the three steps
 * research / draft / review of {@code goal}, into {@code {planId, tasks: [{id, title, role}]}}. The
 * seed fixtures' variants ({@code createPlanA}, {@code executePlanB}, …) are answered too.
 */
final class PlanModule extends OfflineModule {

  PlanModule() {
    super("plan");
    operation("create-plan", (p, ctx) -> plan(p, ctx, null));
    operation("create-plan-a", (p, ctx) -> plan(p, ctx, "A"));
    operation("create-plan-b", (p, ctx) -> plan(p, ctx, "B"));
    operation("execute-plan-a", (p, ctx) -> execution(p, ctx, "A"));
    operation("execute-plan-b", (p, ctx) -> execution(p, ctx, "B"));
    operation(
        "update-plan", (p, ctx) -> result("planId", text(p, "planId", null), "status", "updated"));
    operation(
        "decompose",
        (p, ctx) -> {
          String task = text(p, "task", ctx.stepId());
          return result("task", task, "subtasks", tasks(List.of(), task));
        });
  }

  private static Map<String, Object> plan(Map<String, Object> p, StepContext ctx, String variant) {
    List<?> given = list(p, "tasks");
    List<?> roles = list(p, "assignedRoles");
    List<Map<String, Object>> tasks =
        given.isEmpty() ? tasks(roles, text(p, "goal", "the goal")) : numbered(given);
    return result(
        "planId",
        DerivedIds.of(ctx, "plan"),
        "contextId",
        p.get("contextId"),
        "variant",
        variant,
        "tasks",
        tasks);
  }

  private static Map<String, Object> execution(
      Map<String, Object> p, StepContext ctx, String variant) {
    return result(
        "executionId", DerivedIds.of(ctx, "execution"), "variant", variant, "status", "executed");
  }

  private static List<Map<String, Object>> tasks(List<?> assignments, String goal) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (!assignments.isEmpty()) {
      for (Object a : assignments) {
        Object role = a instanceof Map<?, ?> m ? m.get("role") : a;
        out.add(task(out.size() + 1, role + " work for " + goal, String.valueOf(role)));
      }
      return out;
    }
    out.add(task(1, "research " + goal, "researcher"));
    out.add(task(2, "draft " + goal, "writer"));
    out.add(task(3, "review " + goal, "reviewer"));
    return out;
  }

  private static List<Map<String, Object>> numbered(List<?> given) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object t : given) {
      out.add(task(out.size() + 1, String.valueOf(t), "executor"));
    }
    return out;
  }

  private static Map<String, Object> task(int n, String title, String role) {
    return fields("id", "task-" + n, "title", title, "role", role);
  }
}
