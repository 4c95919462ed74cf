package io.baton.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Mail for runs owned by another node (table {@code baton_cluster_inbox}): answers to human steps,
 * signals, control operations and due timers that reached a node that does not own the run. A row
 * stays until its run's owner has made what it caused durable; when its sender waits for an answer,
 * the owner leaves the answer in the row and the sender takes it out.
 */
final class Inbox {
  private final Sql sql;
  private final ClusterOptions options;

  Inbox(Sql sql, ClusterOptions options) {
    this.sql = sql;
    this.options = options;
  }

  /** A letter to send, as JSON, and whether the sender waits for an answer. */
  record Mail(String letterJson, boolean wantsReply) {}

  /** Mail waiting for this node: its id, run, letter, and whether its sender wants an answer. */
  record Pending(long messageId, String runId, String letterJson, boolean wantsReply) {}

  /** An answer to mail this node sent: whether it applied, or why it was refused. */
  record Reply(long messageId, boolean ok, String error) {}

  /** Sends {@code mail} for {@code runId} to {@code owner} within the caller's transaction. */
  long send(Connection c, String runId, String owner, Mail mail, Instant now) throws SQLException {
    long id =
        Sql.list(
                c,
                "INSERT INTO baton_cluster_inbox (run_id, sender_node, wants_reply, sent_at, body)"
                    + " VALUES (?, ?, ?, ?, CAST(? AS JSONB)) RETURNING message_id",
                ps -> {
                  ps.setString(1, runId);
                  ps.setString(2, options.nodeId());
                  ps.setBoolean(3, mail.wantsReply());
                  ps.setTimestamp(4, Sql.time(now));
                  ps.setString(5, mail.letterJson());
                },
                rs -> rs.getLong(1))
            .getFirst();
    Sql.notify(c, Notifications.mailFor(owner));
    return id;
  }

  /** Whether mail for {@code runId} has not been handled yet. */
  boolean hasPending(Connection c, String runId) throws SQLException {
    return !Sql.list(
            c,
            "SELECT 1 FROM baton_cluster_inbox WHERE run_id = ? AND NOT handled LIMIT 1",
            ps -> ps.setString(1, runId),
            rs -> 1)
        .isEmpty();
  }

  /** Mail for the runs this node owns, oldest first. */
  List<Pending> pending(int limit) {
    return sql.list(
        "reading the inbox of node " + options.nodeId(),
        "SELECT i.message_id, i.run_id, i.body::text, i.wants_reply FROM baton_cluster_inbox i"
            + " JOIN baton_cluster_lease l ON l.run_id = i.run_id"
            + " WHERE l.node_id = ? AND NOT i.handled ORDER BY i.message_id LIMIT ?",
        ps -> {
          ps.setString(1, options.nodeId());
          ps.setInt(2, limit);
        },
        rs -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
  }

  /** The mail was handled: leave the answer for its sender (and wake it), or drop it. */
  void handled(Pending mail, boolean ok, String error) {
    if (!mail.wantsReply()) {
      sql.update(
          "removing handled mail " + mail.messageId(),
          "DELETE FROM baton_cluster_inbox WHERE message_id = ?",
          ps -> ps.setLong(1, mail.messageId()));
      return;
    }
    sql.tx(
        "answering mail " + mail.messageId(),
        c -> {
          List<String> sender =
              Sql.list(
                  c,
                  "UPDATE baton_cluster_inbox SET handled = TRUE, reply_ok = ?, reply_error = ?"
                      + " WHERE message_id = ? RETURNING sender_node",
                  ps -> {
                    ps.setBoolean(1, ok);
                    if (error == null) {
                      ps.setNull(2, Types.VARCHAR);
                    } else {
                      ps.setString(2, error);
                    }
                    ps.setLong(3, mail.messageId());
                  },
                  rs -> rs.getString(1));
          for (String node : sender) {
            Sql.notify(c, Notifications.mailFor(node));
          }
          return null;
        });
  }

  /**
   * Takes out the answers to mail {@code messageIds} (those this node waits for; an answer that
   * comes before its sender registered its wait stays for the next look).
   */
  List<Reply> replies(java.util.Collection<Long> messageIds) {
    return sql.tx(
        "reading the replies for node " + options.nodeId(),
        c -> {
          java.sql.Array ids = c.createArrayOf("bigint", messageIds.toArray());
          return Sql.list(
              c,
              "DELETE FROM baton_cluster_inbox WHERE sender_node = ? AND handled"
                  + " AND message_id = ANY(?) RETURNING message_id, reply_ok, reply_error",
              ps -> {
                ps.setString(1, options.nodeId());
                ps.setArray(2, ids);
              },
              rs -> new Reply(rs.getLong(1), rs.getBoolean(2), rs.getString(3)));
        });
  }

  /** Drops answers whose senders are gone (nobody will take them out). */
  int sweep(Instant now) {
    return sql.update(
        "dropping answers nobody awaits",
        "DELETE FROM baton_cluster_inbox i WHERE handled AND NOT EXISTS (SELECT 1 FROM"
            + " baton_cluster_node n WHERE n.node_id = i.sender_node AND n.stopped_at IS NULL"
            + " AND n.last_heartbeat >= ?)",
        ps -> ps.setTimestamp(1, Sql.time(now.minus(options.leaseTtl()))));
  }
}
