package io.baton.modules.core;

import static io.baton.modules.spi.Call.fields;

import io.baton.modules.spi.Call;
import java.util.List;
import java.util.Map;

/**
 * {@code core.finalize}: ends what a run coordinated — plans it was carrying out are completed, its
 * open dialogs completed, its traces stopped — and reports what it closed.
 */
final class Finalization {
  private Finalization() {}

  static Map<String, Object> finalizeRun(Call c) {
    String runId = c.runId() != null ? c.runId() : c.required("runId");
    int plans = 0;
    for (Map<?, ?> plan : listed(c.invoke("plan", "list-plans", fields("runId", runId)), "plans")) {
      if ("in_progress".equals(plan.get("status"))) {
        c.invoke(
            "plan", "update-plan", fields("planId", plan.get("planId"), "status", "completed"));
        plans++;
      }
    }
    int dialogs = 0;
    for (Map<?, ?> dialog :
        listed(c.invoke("dialog", "list-dialogs", fields("runId", runId)), "dialogs")) {
      if ("active".equals(dialog.get("status"))) {
        c.invoke("dialog", "close", fields("dialogId", dialog.get("dialogId")));
        dialogs++;
      }
    }
    int traces = 0;
    for (Map<?, ?> trace :
        listed(c.invoke("trace", "list-traces", fields("runId", runId)), "traces")) {
      if ("running".equals(trace.get("status"))) {
        c.invoke(
            "trace",
            "stop-monitoring",
            fields("traceId", trace.get("traceId"), "status", "completed"));
        traces++;
      }
    }
    c.publish("core.run.finalized", fields("runId", runId));
    return fields(
        "status",
        "finalized",
        "runId",
        runId,
        "closed",
        fields("plans", plans, "dialogs", dialogs, "traces", traces));
  }

  private static List<Map<?, ?>> listed(Object result, String field) {
    if (result instanceof Map<?, ?> m && m.get(field) instanceof List<?> l) {
      return l.stream().filter(Map.class::isInstance).<Map<?, ?>>map(x -> (Map<?, ?>) x).toList();
    }
    return List.of();
  }
}
