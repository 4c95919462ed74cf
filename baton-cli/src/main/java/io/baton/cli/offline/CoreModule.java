package io.baton.cli.offline;

import java.util.LinkedHashMap;

/**
 * Offline stand-in for the MPLP {@code core} module. {@code evaluate-condition} answers {@code "A"}
 * unless the input's {@code result} says otherwise, so the seed's conditional workflow takes its
 * path A; {@code merge-results} gathers its parameters; {@code execute-task} and {@code finalize}
 * report success.
 */
final class CoreModule extends OfflineModule {

  CoreModule() {
    super("core");
    operation(
        "execute-task",
        (p, ctx) ->
            result(
                "taskId", DerivedIds.of(ctx, "task"),
                "task", text(p, "task", ctx.stepId()),
                "status", "completed"));
    // The bare value, not an object: the seed's conditional workflow tests the evaluation's result
    // itself (`result === "A"`), `result` being the output of the step before.
    operation("evaluate-condition", (p, ctx) -> text(p, "result", "A"));
    operation(
        "merge-results", (p, ctx) -> result("merged", new LinkedHashMap<>(p), "count", p.size()));
    operation("finalize", (p, ctx) -> result("status", "finalized"));
  }
}
