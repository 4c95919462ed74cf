package io.baton.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Run leases (table {@code baton_cluster_lease}): a run is decided for by the node holding its
 * lease, until the lease expires. Leases are renewed in bulk by their node's heartbeats, so a node
 * that stops heart-beating loses all of them one TTL later.
 */
final class LeaseTable {
  private final Sql sql;
  private final ClusterOptions options;
  private final Inbox inbox;

  LeaseTable(Sql sql, ClusterOptions options, Inbox inbox) {
    this.sql = sql;
    this.options = options;
    this.inbox = inbox;
  }

  /** The outcome of {@link #acquire}: owned by this node, or by {@code owner} (mail sent). */
  record Acquired(boolean owned, String owner, Long messageId) {}

  /**
   * Takes run {@code runId} for this node unless another node holds a lease that has not expired;
   * then {@code mail}, if not null, goes to that node's inbox in the same transaction, while the
   * lease row is locked — so the owner cannot let the run go without seeing it.
   */
  Acquired acquire(String runId, Instant now, Inbox.Mail mail) {
    return sql.tx(
        "acquiring run " + runId,
        c -> {
          while (true) {
            List<Holder> held =
                Sql.list(
                    c,
                    "SELECT node_id, expires_at FROM baton_cluster_lease WHERE run_id = ?"
                        + " FOR UPDATE",
                    ps -> ps.setString(1, runId),
                    rs -> new Holder(rs.getString(1), Sql.instant(rs.getTimestamp(2))));
            if (held.isEmpty()) {
              if (insert(c, runId, now)) {
                return new Acquired(true, options.nodeId(), null);
              }
              continue; // another node inserted it meanwhile: lock its row and look again
            }
            Holder holder = held.getFirst();
            if (holder.nodeId().equals(options.nodeId()) || holder.expiresAt().isBefore(now)) {
              take(c, runId, now);
              return new Acquired(true, options.nodeId(), null);
            }
            Long id = mail == null ? null : inbox.send(c, runId, holder.nodeId(), mail, now);
            return new Acquired(false, holder.nodeId(), id);
          }
        });
  }

  private record Holder(String nodeId, Instant expiresAt) {}

  private boolean insert(Connection c, String runId, Instant now) throws SQLException {
    return Sql.update(
            c,
            "INSERT INTO baton_cluster_lease (run_id, node_id, expires_at, acquired_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (run_id) DO NOTHING",
            ps -> {
              ps.setString(1, runId);
              ps.setString(2, options.nodeId());
              ps.setTimestamp(3, Sql.time(now.plus(options.leaseTtl())));
              ps.setTimestamp(4, Sql.time(now));
            })
        == 1;
  }

  private void take(Connection c, String runId, Instant now) throws SQLException {
    Sql.update(
        c,
        "UPDATE baton_cluster_lease SET node_id = ?, expires_at = ?,"
            + " acquired_at = CASE WHEN node_id = ? THEN acquired_at ELSE ? END WHERE run_id = ?",
        ps -> {
          ps.setString(1, options.nodeId());
          ps.setTimestamp(2, Sql.time(now.plus(options.leaseTtl())));
          ps.setString(3, options.nodeId());
          ps.setTimestamp(4, Sql.time(now));
          ps.setString(5, runId);
        });
  }

  /**
   * Gives run {@code runId} up, unless mail for it is waiting (then this node keeps it, to deliver
   * the mail); false when it was kept.
   */
  boolean release(String runId) {
    return sql.tx(
        "releasing run " + runId,
        c -> {
          // lock first: a sender that saw this node as the owner has committed its mail by now
          boolean mine =
              !Sql.list(
                      c,
                      "SELECT 1 FROM baton_cluster_lease WHERE run_id = ? AND node_id = ?"
                          + " FOR UPDATE",
                      ps -> {
                        ps.setString(1, runId);
                        ps.setString(2, options.nodeId());
                      },
                      rs -> 1)
                  .isEmpty();
          if (!mine) {
            return true;
          }
          if (inbox.hasPending(c, runId)) {
            return false;
          }
          Sql.update(
              c,
              "DELETE FROM baton_cluster_lease WHERE run_id = ? AND node_id = ?",
              ps -> {
                ps.setString(1, runId);
                ps.setString(2, options.nodeId());
              });
          return true;
        });
  }

  /**
   * Hands run {@code runId}, which this node owns, to node {@code to} and sends it {@code mail}
   * (which makes it load the run), in one transaction; false when this node no longer owned it.
   */
  boolean handOff(String runId, String to, Inbox.Mail mail, Instant now) {
    return sql.tx(
        "handing run " + runId + " to node " + to,
        c -> {
          int moved =
              Sql.update(
                  c,
                  "UPDATE baton_cluster_lease SET node_id = ?, expires_at = ?, acquired_at = ?"
                      + " WHERE run_id = ? AND node_id = ?",
                  ps -> {
                    ps.setString(1, to);
                    ps.setTimestamp(2, Sql.time(now.plus(options.leaseTtl())));
                    ps.setTimestamp(3, Sql.time(now));
                    ps.setString(4, runId);
                    ps.setString(5, options.nodeId());
                  });
          if (moved == 1) {
            inbox.send(c, runId, to, mail, now);
          }
          return moved == 1;
        });
  }

  /** Extends every lease of this node by a TTL from {@code now}; returns how many it holds. */
  int renew(Instant now) {
    return sql.update(
        "renewing the leases of node " + options.nodeId(),
        "UPDATE baton_cluster_lease SET expires_at = ? WHERE node_id = ?",
        ps -> {
          ps.setTimestamp(1, Sql.time(now.plus(options.leaseTtl())));
          ps.setString(2, options.nodeId());
        });
  }

  /** The runs this node holds leases on. */
  Set<String> owned() {
    return new HashSet<>(
        sql.list(
            "listing the leases of node " + options.nodeId(),
            "SELECT run_id FROM baton_cluster_lease WHERE node_id = ?",
            ps -> ps.setString(1, options.nodeId()),
            rs -> rs.getString(1)));
  }

  /** How many leases have expired (their nodes stopped heart-beating). */
  int expiredCount(Instant now) {
    return sql.list(
            "counting expired leases",
            "SELECT COUNT(*) FROM baton_cluster_lease WHERE expires_at < ?",
            ps -> ps.setTimestamp(1, Sql.time(now)),
            rs -> rs.getInt(1))
        .getFirst();
  }

  /**
   * Takes over up to {@code limit} expired leases, oldest first, skipping those another node is
   * taking at the same moment; returns their runs.
   */
  List<String> takeOver(Instant now, int limit) {
    return sql.list(
        "taking over expired leases",
        "UPDATE baton_cluster_lease SET node_id = ?, expires_at = ?, acquired_at = ?"
            + " WHERE run_id IN (SELECT run_id FROM baton_cluster_lease WHERE expires_at < ?"
            + " ORDER BY expires_at, run_id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING run_id",
        ps -> {
          ps.setString(1, options.nodeId());
          ps.setTimestamp(2, Sql.time(now.plus(options.leaseTtl())));
          ps.setTimestamp(3, Sql.time(now));
          ps.setTimestamp(4, Sql.time(now));
          ps.setInt(5, limit);
        },
        rs -> rs.getString(1));
  }

  /**
   * Lets every lease of this node expire at once (it is leaving), so that the other nodes take its
   * runs at their next heartbeat rather than a TTL later.
   */
  void expireAll(Instant now) {
    sql.update(
        "handing back the leases of node " + options.nodeId(),
        "UPDATE baton_cluster_lease SET expires_at = ? WHERE node_id = ?",
        ps -> {
          ps.setTimestamp(1, Sql.time(now.minusMillis(1)));
          ps.setString(2, options.nodeId());
        });
  }

  /** The node holding run {@code runId}'s lease, expired or not. */
  Optional<String> ownerOf(String runId) {
    return sql
        .list(
            "finding the owner of run " + runId,
            "SELECT node_id FROM baton_cluster_lease WHERE run_id = ?",
            ps -> ps.setString(1, runId),
            rs -> rs.getString(1))
        .stream()
        .findFirst();
  }

  /** Which of {@code runIds} another node holds the lease of (expired or not). */
  Set<String> heldByOthers(Set<String> runIds) {
    if (runIds.isEmpty()) {
      return Set.of();
    }
    return sql.tx(
        "finding runs other nodes hold",
        c -> {
          java.sql.Array ids = c.createArrayOf("varchar", runIds.toArray());
          return new HashSet<>(
              Sql.list(
                  c,
                  "SELECT run_id FROM baton_cluster_lease WHERE run_id = ANY(?) AND node_id <> ?",
                  ps -> {
                    ps.setArray(1, ids);
                    ps.setString(2, options.nodeId());
                  },
                  rs -> rs.getString(1)));
        });
  }

  /** Which of {@code runIds} no live lease holds (no lease, or an expired one). */
  List<String> unheld(List<String> runIds, Instant now) {
    if (runIds.isEmpty()) {
      return List.of();
    }
    return sql.tx(
        "finding runs without a live lease",
        c -> {
          java.sql.Array ids = c.createArrayOf("varchar", runIds.toArray());
          return Sql.list(
              c,
              "SELECT r.run_id FROM unnest(?) WITH ORDINALITY AS r(run_id, n) WHERE NOT EXISTS"
                  + " (SELECT 1 FROM baton_cluster_lease l WHERE l.run_id = r.run_id"
                  + " AND l.expires_at >= ?) ORDER BY r.n",
              ps -> {
                ps.setArray(1, ids);
                ps.setTimestamp(2, Sql.time(now));
              },
              rs -> rs.getString(1));
        });
  }
}
