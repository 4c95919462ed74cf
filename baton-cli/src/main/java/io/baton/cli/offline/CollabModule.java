package io.baton.cli.offline;

import java.util.List;

/**
 * Offline stand-in for the MPLP {@code collab} module. {@code decide} applies the decision mode by
 * a fixed rule: every mode ({@code consensus}, {@code vote}, {@code leader}) picks the first
 * option, so that runs are repeatable.
 */
final class CollabModule extends OfflineModule {

  CollabModule() {
    super("collab");
    operation(
        "create",
        (p, ctx) ->
            result(
                "collaborationId", DerivedIds.of(ctx, "collaboration"),
                "participants", list(p, "participants"),
                "mode", text(p, "mode", "consensus")));
    operation(
        "decide",
        (p, ctx) -> {
          List<?> options = list(p, "options");
          return result(
              "mode",
              text(p, "mode", "consensus"),
              "decision",
              options.isEmpty() ? null : options.getFirst(),
              "options",
              options);
        });
  }
}
