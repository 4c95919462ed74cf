package io.baton.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The nodes of the cluster (table {@code baton_cluster_node}): who is there, and how busy. */
final class NodeTable {
  private final Sql sql;
  private final ClusterOptions options;

  NodeTable(Sql sql, ClusterOptions options) {
    this.sql = sql;
    this.options = options;
  }

  /** Enters this node (again, after a restart under the same id). */
  void register(Instant now) {
    sql.update(
        "registering node " + options.nodeId(),
        "INSERT INTO baton_cluster_node (node_id, host, started_at, last_heartbeat, capacity,"
            + " load, stopped_at) VALUES (?, ?, ?, ?, ?, 0, NULL) ON CONFLICT (node_id) DO UPDATE"
            + " SET host = EXCLUDED.host, started_at = EXCLUDED.started_at, last_heartbeat ="
            + " EXCLUDED.last_heartbeat, capacity = EXCLUDED.capacity, load = 0, stopped_at = NULL",
        ps -> {
          ps.setString(1, options.nodeId());
          ps.setString(2, options.host());
          ps.setTimestamp(3, Sql.time(now));
          ps.setTimestamp(4, Sql.time(now));
          ps.setInt(5, options.executors());
        });
  }

  /** Says this node is alive, and how loaded it is. */
  void heartbeat(Instant now, int load) {
    sql.update(
        "heartbeat of node " + options.nodeId(),
        "UPDATE baton_cluster_node SET last_heartbeat = ?, load = ? WHERE node_id = ?",
        ps -> {
          ps.setTimestamp(1, Sql.time(now));
          ps.setInt(2, load);
          ps.setString(3, options.nodeId());
        });
  }

  /** Leaves the cluster. */
  void stop(Instant now) {
    sql.update(
        "stopping node " + options.nodeId(),
        "UPDATE baton_cluster_node SET stopped_at = ?, load = 0 WHERE node_id = ?",
        ps -> {
          ps.setTimestamp(1, Sql.time(now));
          ps.setString(2, options.nodeId());
        });
  }

  /** How many nodes heart-beat within the lease TTL (at least this one). */
  int liveCount(Instant now) {
    List<Integer> count =
        sql.list(
            "counting live nodes",
            "SELECT COUNT(*) FROM baton_cluster_node WHERE stopped_at IS NULL"
                + " AND last_heartbeat >= ?",
            ps -> ps.setTimestamp(1, Sql.time(now.minus(options.leaseTtl()))),
            rs -> rs.getInt(1));
    return Math.max(1, count.getFirst());
  }

  /** How many run leases each live node holds. */
  Map<String, Integer> liveLeaseCounts(Instant now) {
    Map<String, Integer> counts = new HashMap<>();
    sql.list(
        "counting the leases of live nodes",
        "SELECT n.node_id, (SELECT COUNT(*) FROM baton_cluster_lease l WHERE l.node_id ="
            + " n.node_id) FROM baton_cluster_node n WHERE n.stopped_at IS NULL"
            + " AND n.last_heartbeat >= ?",
        ps -> ps.setTimestamp(1, Sql.time(now.minus(options.leaseTtl()))),
        rs -> counts.put(rs.getString(1), rs.getInt(2)));
    return counts;
  }

  /** Every node known, live or not, by id. */
  List<NodeInfo> all(Instant now) {
    Duration ttl = options.leaseTtl();
    return sql.list(
        "listing nodes",
        "SELECT node_id, host, started_at, last_heartbeat, capacity, load, stopped_at,"
            + " (SELECT COUNT(*) FROM baton_cluster_lease l WHERE l.node_id = n.node_id)"
            + " FROM baton_cluster_node n ORDER BY node_id",
        ps -> {},
        rs -> {
          Instant last = Sql.instant(rs.getTimestamp(4));
          Instant stopped = Sql.instant(rs.getTimestamp(7));
          return new NodeInfo(
              rs.getString(1),
              rs.getString(2),
              Sql.instant(rs.getTimestamp(3)),
              last,
              rs.getInt(5),
              rs.getInt(6),
              rs.getInt(8),
              stopped == null && !last.isBefore(now.minus(ttl)));
        });
  }
}
