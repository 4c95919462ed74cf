package io.baton.modules.network;

import static io.baton.modules.spi.Call.fields;

import io.baton.modules.spi.Call;
import io.baton.modules.spi.MplpModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MPLP {@code network} module: the topology of agents and services (MPLP Network documents) and
 * the routes of messages over it. Routes follow the topology type: direct in a mesh, through the
 * hub (the first node) in a hub-and-spoke network; only active nodes route.
 *
 * <p>{@code register-node {name, kind, role}} → {@code {networkId, nodeId, name, kind, network}};
 * {@code route {from, to}} → {@code {path, hops}}.
 */
public final class NetworkModule extends MplpModule {
  static final String TYPE = "network";
  private static final Set<String> TOPOLOGIES =
      Set.of("single_node", "hub_spoke", "mesh", "hierarchical", "hybrid", "other");
  private static final Set<String> KINDS =
      Set.of("agent", "service", "database", "queue", "external", "other");
  private static final Set<String> NODE_STATUSES =
      Set.of("active", "inactive", "degraded", "unreachable", "retired");

  /** The module, with its operations. */
  public NetworkModule() {
    super(TYPE, "The topology of agents and services, and message routing over it.");
    operation(
        "register-node",
        "Adds a node: name, kind, role, networkId (default: the run's network).",
        this::register);
    operation(
        "set-node-status", "Changes a node's status: networkId, nodeId, status.", this::setStatus);
    operation("find-agents", "Active agent nodes with a role: role.", this::findAgents);
    operation(
        "route", "The path of a message: from, to (node names or ids), networkId.", this::route);
    operation(
        "topology",
        "A network's nodes and edges: networkId.",
        c -> Routes.topology(network(c, false)));
  }

  @Override
  public List<String> dependencies() {
    return List.of("context");
  }

  private Object register(Call c) {
    String kind = c.text("kind", "agent");
    if (!KINDS.contains(kind)) {
      throw c.badInput("kind '" + kind + "' is not one of " + KINDS);
    }
    String name = c.required("name");
    Map<String, Object> net = network(c, true);
    String nodeId = c.newId();
    Map<String, Object> node =
        fields(
            "node_id",
            nodeId,
            "name",
            name,
            "kind",
            kind,
            "role_id",
            c.text("role", null),
            "status",
            "active");
    Map<String, Object> updated =
        c.entities()
            .update(
                TYPE,
                (String) net.get("network_id"),
                d -> {
                  nodes(d).add(node);
                  Call.addEvent(
                      d,
                      c.event("network.node.registered", fields("node_id", nodeId, "name", name)));
                });
    c.publish(
        "network.node.registered",
        fields("networkId", net.get("network_id"), "nodeId", nodeId, "name", name));
    return fields(
        "networkId",
        net.get("network_id"),
        "nodeId",
        nodeId,
        "name",
        name,
        "kind",
        kind,
        "network",
        updated);
  }

  private Object setStatus(Call c) {
    String status = c.required("status");
    if (!NODE_STATUSES.contains(status)) {
      throw c.badInput("status '" + status + "' is not one of " + NODE_STATUSES);
    }
    Map<String, Object> net = network(c, false);
    Map<String, Object> node = Routes.node(c, net, c.required("nodeId"));
    return Routes.topology(
        c.entities()
            .update(
                TYPE,
                (String) net.get("network_id"),
                d -> {
                  nodes(d).stream()
                      .filter(n -> n.get("node_id").equals(node.get("node_id")))
                      .forEach(n -> n.put("status", status));
                  Call.addEvent(
                      d,
                      c.event(
                          "network.node.status.changed",
                          fields("node_id", node.get("node_id"), "status", status)));
                }));
  }

  private Object findAgents(Call c) {
    String role = c.required("role");
    List<Object> agents = new ArrayList<>();
    for (Map<String, Object> net : c.entities().list(TYPE, null, 1000)) {
      for (Map<String, Object> n : nodes(net)) {
        if ("agent".equals(n.get("kind"))
            && "active".equals(n.get("status"))
            && role.equals(n.get("role_id"))) {
          agents.add(
              fields(
                  "nodeId",
                  n.get("node_id"),
                  "name",
                  n.get("name"),
                  "role",
                  role,
                  "networkId",
                  net.get("network_id")));
        }
      }
    }
    return fields("role", role, "agents", agents);
  }

  private Object route(Call c) {
    Map<String, Object> net = network(c, false);
    Map<String, Object> path = Routes.route(c, net, c.required("from"), c.required("to"));
    c.publish(
        "network.routed", fields("networkId", net.get("network_id"), "path", path.get("path")));
    return path;
  }

  /** The given network, else the run's (API's) latest, else — when {@code create} — a new one. */
  private static Map<String, Object> network(Call c, boolean create) {
    String id = c.text("networkId", null);
    if (id != null) {
      return c.entities().get(TYPE, id);
    }
    String owner = c.runId() == null ? "api" : c.runId();
    List<Map<String, Object>> own = c.entities().list(TYPE, owner, 1000);
    if (!own.isEmpty()) {
      return own.getLast();
    }
    if (!create) {
      throw c.badInput(
          "no networkId was given and there is no network yet; register a node with network.register-node");
    }
    String topology = c.text("topology", "hub_spoke");
    if (!TOPOLOGIES.contains(topology)) {
      throw c.badInput("topology '" + topology + "' is not one of " + TOPOLOGIES);
    }
    Object context =
        c.invoke("context", "ensure-context", fields("contextId", c.text("contextId", null)));
    String netId = c.newId();
    Map<String, Object> doc = c.document("network_id", netId);
    doc.put("context_id", ((Map<?, ?>) context).get("contextId"));
    doc.put("name", c.text("networkName", "Agent network"));
    doc.put("topology_type", topology);
    doc.put("status", "active");
    doc.put("nodes", new ArrayList<>());
    Call.addEvent(doc, c.event("network.created", null));
    return c.entities().create(TYPE, netId, owner, doc);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> nodes(Map<String, Object> network) {
    return (List<Map<String, Object>>) network.computeIfAbsent("nodes", k -> new ArrayList<>());
  }
}
