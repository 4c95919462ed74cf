package io.baton.modules.network;

import static io.baton.modules.spi.Call.fields;

import io.baton.modules.spi.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Paths and edges of a network, by its topology type. */
final class Routes {
  private Routes() {}

  static Map<String, Object> route(Call c, Map<String, Object> net, String from, String to) {
    Map<String, Object> a = node(c, net, from);
    Map<String, Object> b = node(c, net, to);
    for (Map<String, Object> n : List.of(a, b)) {
      if (!"active".equals(n.get("status"))) {
        throw c.badInput(
            "node '" + n.get("name") + "' is " + n.get("status") + " and cannot route messages");
      }
    }
    List<Object> path = new ArrayList<>();
    path.add(a.get("name"));
    Map<String, Object> hub = NetworkModule.nodes(net).getFirst();
    boolean viaHub = "hub_spoke".equals(net.get("topology_type")) && hub != a && hub != b;
    if (viaHub) {
      if (!"active".equals(hub.get("status"))) {
        throw c.badInput(
            "the hub node '"
                + hub.get("name")
                + "' is "
                + hub.get("status")
                + "; no route through it");
      }
      path.add(hub.get("name"));
    }
    if (a != b) {
      path.add(b.get("name"));
    }
    return fields(
        "networkId",
        net.get("network_id"),
        "topology",
        net.get("topology_type"),
        "path",
        path,
        "hops",
        path.size() - 1);
  }

  static Map<String, Object> topology(Map<String, Object> net) {
    List<Map<String, Object>> nodes = NetworkModule.nodes(net);
    List<Object> edges = new ArrayList<>();
    boolean hubSpoke = "hub_spoke".equals(net.get("topology_type"));
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        if (!hubSpoke || i == 0) {
          edges.add(List.of(nodes.get(i).get("name"), nodes.get(j).get("name")));
        }
      }
    }
    return fields(
        "networkId",
        net.get("network_id"),
        "topology",
        net.get("topology_type"),
        "nodes",
        nodes,
        "edges",
        edges,
        "network",
        net);
  }

  /** The node named or identified by {@code nameOrId}. */
  static Map<String, Object> node(Call c, Map<String, Object> net, String nameOrId) {
    return NetworkModule.nodes(net).stream()
        .filter(n -> nameOrId.equals(n.get("node_id")) || nameOrId.equals(n.get("name")))
        .findFirst()
        .orElseThrow(
            () ->
                c.badInput(
                    "network "
                        + net.get("network_id")
                        + " has no node '"
                        + nameOrId
                        + "'; its nodes are "
                        + NetworkModule.nodes(net).stream().map(n -> n.get("name")).toList()));
  }
}
