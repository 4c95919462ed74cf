package io.baton.cli.offline;

import java.util.List;

/**
 * Offline stand-in for the MPLP {@code extension} module: reports plugins as installed and active
 * without loading anything.
 */
final class ExtensionModule extends OfflineModule {

  ExtensionModule() {
    super("extension");
    operation(
        "install",
        (p, ctx) ->
            result(
                "extensionId", DerivedIds.of(ctx, "extension"),
                "name", text(p, "name", ctx.stepId()),
                "status", "installed"));
    operation(
        "activate", (p, ctx) -> result("name", text(p, "name", ctx.stepId()), "status", "active"));
    operation("list", (p, ctx) -> result("extensions", List.of()));
  }
}
