package io.baton.cli.offline;

import java.util.List;

/**
 * Offline stand-in for the MPLP {@code trace} module: acknowledges monitoring requests and records
 * nothing; the run's own journal is the trace the CLI shows.
 */
final class TraceModule extends OfflineModule {

  TraceModule() {
    super("trace");
    operation(
        "start-monitoring",
        (p, ctx) ->
            result(
                "traceId", DerivedIds.of(ctx, "trace"),
                "planId", p.get("planId"),
                "status", "monitoring"));
    operation("record", (p, ctx) -> result("traceId", text(p, "traceId", null), "recorded", true));
    operation("query", (p, ctx) -> result("traceId", text(p, "traceId", null), "spans", List.of()));
  }
}
