package io.baton.cluster;

import io.baton.engine.runtime.StepTask;
import io.baton.engine.runtime.TaskOutcome;
import java.time.Instant;
import java.util.List;

/**
 * The queue of handler-run steps shared by every node (table {@code baton_cluster_task}): a run's
 * owner queues its ready steps, any node's executors claim them with {@code FOR UPDATE SKIP LOCKED}
 * (most urgent, then oldest, first), and the outcome waits in the row until the run's owner has
 * journaled it.
 */
final class TaskQueue {
  private final Sql sql;
  private final ClusterOptions options;

  TaskQueue(Sql sql, ClusterOptions options) {
    this.sql = sql;
    this.options = options;
  }

  /** A step claimed by this node. */
  record Claimed(long taskId, StepTask task) {}

  /** A step's outcome, for its run's owner. */
  record Result(
      long taskId, String runId, String path, int attempt, String answered, TaskOutcome outcome) {}

  /**
   * Queues {@code task}; queuing an execution that is already queued, claimed or done changes
   * nothing (a run recovered after a take-over queues its running steps again). An attempt that
   * runs again with a person's answer is another execution ({@code answered} tells them apart).
   */
  void enqueue(StepTask task, Instant now) {
    sql.tx(
        "queuing step " + task.idempotencyKey(),
        c -> {
          int added =
              Sql.update(
                  c,
                  "INSERT INTO baton_cluster_task (run_id, path, attempt, answered, priority,"
                      + " queued_at, state, body) VALUES (?, ?, ?, ?, ?, ?, 'QUEUED',"
                      + " CAST(? AS JSONB)) ON CONFLICT (run_id, path, attempt, answered)"
                      + " DO NOTHING",
                  ps -> {
                    ps.setString(1, task.runId());
                    ps.setString(2, task.path());
                    ps.setInt(3, task.attempt());
                    ps.setString(4, task.answer() == null ? "" : task.answer().waitId());
                    ps.setInt(5, task.priority());
                    ps.setTimestamp(6, Sql.time(now));
                    ps.setString(7, Json.write(task));
                  });
          if (added == 1) {
            Sql.notify(c, Notifications.TASK);
          }
          return null;
        });
  }

  /**
   * Claims up to {@code limit} queued steps for this node's executors, by effective priority (its
   * own, raised one level per aging interval waited until {@code now}), then oldest first.
   */
  List<Claimed> claim(Instant now, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return sql.list(
        "claiming steps for node " + options.nodeId(),
        "UPDATE baton_cluster_task SET state = 'CLAIMED', node_id = ?, claim_expires = ?,"
            + " claims = claims + 1 WHERE task_id IN (SELECT task_id FROM baton_cluster_task"
            + " WHERE state = 'QUEUED' ORDER BY GREATEST(0, priority"
            + " - FLOOR(GREATEST(0, EXTRACT(EPOCH FROM (? - queued_at))) * 1000 / ?)),"
            + " queued_at, task_id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING task_id, body::text",
        ps -> {
          ps.setString(1, options.nodeId());
          ps.setTimestamp(2, Sql.time(now.plus(options.leaseTtl())));
          ps.setTimestamp(3, Sql.time(now));
          ps.setLong(4, options.agingInterval().toMillis());
          ps.setInt(5, limit);
        },
        rs -> new Claimed(rs.getLong(1), Json.read(rs.getString(2), StepTask.class)));
  }

  /** How many steps wait for an executor. */
  int queuedCount() {
    return sql.list(
            "counting queued steps",
            "SELECT COUNT(*) FROM baton_cluster_task WHERE state = 'QUEUED'",
            ps -> {},
            rs -> rs.getInt(1))
        .getFirst();
  }

  /**
   * Records the outcome of a step this node ran, and wakes the run's owner; false when this node's
   * claim had lapsed (the step was queued again, and its other run's outcome counts).
   */
  boolean complete(long taskId, TaskOutcome outcome, Instant now) {
    return sql.tx(
        "recording the outcome of step " + taskId,
        c -> {
          List<String> owner =
              Sql.list(
                  c,
                  "UPDATE baton_cluster_task t SET state = 'DONE', outcome = CAST(? AS JSONB),"
                      + " finished_at = ? WHERE task_id = ? AND node_id = ? AND state = 'CLAIMED'"
                      + " RETURNING (SELECT l.node_id FROM baton_cluster_lease l"
                      + " WHERE l.run_id = t.run_id)",
                  ps -> {
                    ps.setString(1, Json.write(outcome));
                    ps.setTimestamp(2, Sql.time(now));
                    ps.setLong(3, taskId);
                    ps.setString(4, options.nodeId());
                  },
                  rs -> String.valueOf(rs.getString(1)));
          if (owner.isEmpty()) {
            return false;
          }
          Sql.notify(c, Notifications.mailFor(owner.getFirst()));
          return true;
        });
  }

  /** Extends the claims of this node's running steps by a TTL from {@code now}. */
  int extendClaims(Instant now) {
    return sql.update(
        "extending the claims of node " + options.nodeId(),
        "UPDATE baton_cluster_task SET claim_expires = ? WHERE node_id = ? AND state = 'CLAIMED'",
        ps -> {
          ps.setTimestamp(1, Sql.time(now.plus(options.leaseTtl())));
          ps.setString(2, options.nodeId());
        });
  }

  /** Queues again the steps whose claims lapsed (their nodes died); returns how many. */
  int requeueLapsed(Instant now) {
    return sql.tx(
        "queuing again steps of silent nodes",
        c -> {
          int n =
              Sql.update(
                  c,
                  "UPDATE baton_cluster_task SET state = 'QUEUED', node_id = NULL,"
                      + " claim_expires = NULL WHERE state = 'CLAIMED' AND claim_expires < ?",
                  ps -> ps.setTimestamp(1, Sql.time(now)));
          if (n > 0) {
            Sql.notify(c, Notifications.TASK);
          }
          return n;
        });
  }

  /** Queues again, at once, the steps this node claimed (it is leaving). */
  int requeueOwn() {
    return sql.update(
        "handing back the steps of node " + options.nodeId(),
        "UPDATE baton_cluster_task SET state = 'QUEUED', node_id = NULL, claim_expires = NULL"
            + " WHERE state = 'CLAIMED' AND node_id = ?",
        ps -> ps.setString(1, options.nodeId()));
  }

  /** Outcomes of steps of the runs this node owns, oldest first. */
  List<Result> results(int limit) {
    return sql.list(
        "reading step outcomes for node " + options.nodeId(),
        "SELECT t.task_id, t.run_id, t.path, t.attempt, t.answered, t.outcome::text"
            + " FROM baton_cluster_task t"
            + " JOIN baton_cluster_lease l ON l.run_id = t.run_id"
            + " WHERE l.node_id = ? AND t.state = 'DONE' ORDER BY t.task_id LIMIT ?",
        ps -> {
          ps.setString(1, options.nodeId());
          ps.setInt(2, limit);
        },
        rs ->
            new Result(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getString(5).isEmpty() ? null : rs.getString(5),
                Json.read(rs.getString(6), TaskOutcome.class)));
  }

  /** The outcome was journaled by the run's owner (or was stale): the row goes. */
  void delete(long taskId) {
    sql.update(
        "removing step " + taskId,
        "DELETE FROM baton_cluster_task WHERE task_id = ?",
        ps -> ps.setLong(1, taskId));
  }

  /**
   * Drops an attempt its run no longer wants if no executor took it yet; if one did, flags it and
   * wakes the node running it, which stops the handler.
   */
  void withdraw(String runId, String path, int attempt) {
    sql.tx(
        "withdrawing step " + runId + "/" + path + "/" + attempt,
        c -> {
          Sql.Binder attemptOf =
              ps -> {
                ps.setString(1, runId);
                ps.setString(2, path);
                ps.setInt(3, attempt);
              };
          if (Sql.update(
                  c,
                  "DELETE FROM baton_cluster_task WHERE run_id = ? AND path = ? AND attempt = ?"
                      + " AND state = 'QUEUED'",
                  attemptOf)
              == 1) {
            return null;
          }
          for (String node :
              Sql.list(
                  c,
                  "UPDATE baton_cluster_task SET cancel_requested = TRUE WHERE run_id = ?"
                      + " AND path = ? AND attempt = ? AND state = 'CLAIMED' RETURNING node_id",
                  attemptOf,
                  rs -> rs.getString(1))) {
            Sql.notify(c, Notifications.cancelFor(node));
          }
          return null;
        });
  }

  /** The steps this node runs whose runs withdrew them. */
  List<Long> withdrawnHere() {
    return sql.list(
        "finding the withdrawn steps of node " + options.nodeId(),
        "SELECT task_id FROM baton_cluster_task WHERE node_id = ? AND state = 'CLAIMED'"
            + " AND cancel_requested",
        ps -> ps.setString(1, options.nodeId()),
        rs -> rs.getLong(1));
  }

  /**
   * Runs with outcomes that no node will read (no lease holds the run, and the outcome is older
   * than a TTL): a node adopts them so that the outcomes are delivered or dropped.
   */
  List<String> unownedResults(Instant now, int limit) {
    return sql.list(
        "finding step outcomes of runs nobody holds",
        "SELECT DISTINCT t.run_id FROM baton_cluster_task t WHERE t.state = 'DONE'"
            + " AND t.finished_at < ? AND NOT EXISTS (SELECT 1 FROM baton_cluster_lease l"
            + " WHERE l.run_id = t.run_id) LIMIT ?",
        ps -> {
          ps.setTimestamp(1, Sql.time(now.minus(options.leaseTtl())));
          ps.setInt(2, limit);
        },
        rs -> rs.getString(1));
  }
}
