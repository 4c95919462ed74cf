package io.baton.cli.offline;

import java.util.List;

/**
 * Offline stand-in for the MPLP {@code network} module: a one-node topology in which every route is
 * direct.
 */
final class NetworkModule extends OfflineModule {

  NetworkModule() {
    super("network");
    operation(
        "register-node",
        (p, ctx) -> result("nodeId", text(p, "nodeId", ctx.stepId()), "registered", true));
    operation(
        "route",
        (p, ctx) -> {
          String from = text(p, "from", "local");
          String to = text(p, "to", "local");
          return result("route", List.of(from, to), "hops", 1);
        });
    operation("topology", (p, ctx) -> result("nodes", List.of("local"), "edges", List.of()));
  }
}
