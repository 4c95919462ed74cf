package io.baton.server.execution;

import io.baton.api.run.RunStatus;
import io.baton.api.store.SqlWrite;
import io.baton.server.api.Page;
import io.baton.server.persistence.ServerWrites;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which namespace each run belongs to, with its workflow and (kept in step by {@link
 * ExecutionStatusSync}) its status, so that listings are per namespace and paged in the database.
 */
@Component
public class ExecutionIndex {
  private final JdbcClient jdbc;
  private final ServerWrites writer;

  ExecutionIndex(JdbcClient jdbc, ServerWrites writer) {
    this.jdbc = jdbc;
    this.writer = writer;
  }

  /**
   * A run in the index.
   *
   * @param runId the run
   * @param namespace its namespace
   * @param workflowId its workflow
   * @param workflowVersion its pinned version
   * @param status its status as last synchronised
   * @param createdBy who started it
   * @param createdAt when
   */
  public record Entry(
      String runId,
      String namespace,
      String workflowId,
      String workflowVersion,
      RunStatus status,
      String createdBy,
      Instant createdAt) {

    /** This entry with another status. */
    public Entry withStatus(RunStatus newStatus) {
      return new Entry(
          runId, namespace, workflowId, workflowVersion, newStatus, createdBy, createdAt);
    }
  }

  /** Adds a run; false when it is indexed already. */
  public boolean add(Entry e) {
    try {
      writer.write(insert(e));
      return true;
    } catch (DuplicateKeyException duplicate) {
      return false;
    }
  }

  /**
   * The write that adds a run, for a caller that commits it with other rows in one {@link
   * ServerWrites#write} (it fails with a {@code DuplicateKeyException} when the run is indexed).
   */
  public Function<JdbcClient, Integer> insert(Entry e) {
    return ServerWrites.of(insertStatement(e));
  }

  /** The statement that adds a run, for a write or for the run's start to carry. */
  public SqlWrite insertStatement(Entry e) {
    return SqlWrite.of(
        "insert into srv_execution (run_id, namespace, workflow_id, workflow_version,"
            + " status, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)",
        e.runId(),
        e.namespace(),
        e.workflowId(),
        e.workflowVersion(),
        e.status().name(),
        e.createdBy(),
        Timestamp.from(e.createdAt()));
  }

  /** The write that removes a run that could not start. */
  public Function<JdbcClient, Integer> delete(String runId) {
    return tx -> tx.sql("delete from srv_execution where run_id = :id").param("id", runId).update();
  }

  /**
   * The write that shows a run indexed but never started in the engine as {@code FAILED}, with
   * {@code error} → 1, or 0 when the run is not indexed or no longer {@code PENDING}.
   */
  public Function<JdbcClient, Integer> failStart(String runId, String error) {
    String clipped = error.length() > 2000 ? error.substring(0, 1999) + "…" : error;
    return tx ->
        tx.sql(
                "update srv_execution set status = :failed, start_error = :error"
                    + " where run_id = :id and status = :pending")
            .param("failed", RunStatus.FAILED.name())
            .param("error", clipped)
            .param("id", runId)
            .param("pending", RunStatus.PENDING.name())
            .update();
  }

  /** Why the run never started, when {@link #failStart} recorded it. */
  public Optional<String> startError(String runId) {
    return jdbc.sql("select start_error from srv_execution where run_id = :id")
        .param("id", runId)
        .query(String.class)
        .optional();
  }

  /** Records the statuses of {@code entries}' runs, in one transaction. */
  public void setStatuses(List<Entry> entries) {
    writer.write(
        tx -> {
          for (Entry e : entries) {
            tx.sql("update srv_execution set status = :s where run_id = :id")
                .param("s", e.status().name())
                .param("id", e.runId())
                .update();
          }
          return entries.size();
        });
  }

  /**
   * Runs indexed {@code PENDING} since before {@code time}, oldest first, at most {@code limit}.
   */
  public List<Entry> pendingSince(Instant time, int limit) {
    return jdbc.sql(
            "select * from srv_execution where status = :pending and created_at < :time"
                + " order by created_at, run_id fetch first "
                + limit
                + " rows only")
        .param("pending", RunStatus.PENDING.name())
        .param("time", Timestamp.from(time))
        .query(ExecutionIndex::read)
        .list();
  }

  /** The run, if indexed. */
  public Optional<Entry> find(String runId) {
    return jdbc.sql("select * from srv_execution where run_id = :id")
        .param("id", runId)
        .query(ExecutionIndex::read)
        .optional();
  }

  /** A page of a namespace's runs, newest first, optionally of one workflow and some statuses. */
  public Page<Entry> list(
      String namespace, String workflowId, Set<RunStatus> statuses, Page.Request page) {
    StringBuilder where = new StringBuilder(" where namespace = :ns");
    Map<String, Object> params = new HashMap<>();
    params.put("ns", namespace);
    if (workflowId != null && !workflowId.isBlank()) {
      where.append(" and workflow_id = :wf");
      params.put("wf", workflowId);
    }
    if (!statuses.isEmpty()) {
      where.append(" and status in (:statuses)");
      params.put("statuses", statuses.stream().map(Enum::name).toList());
    }
    long total =
        jdbc.sql("select count(*) from srv_execution" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Entry> items =
        jdbc.sql(
                "select * from srv_execution"
                    + where
                    + " order by created_at desc, run_id offset "
                    + page.offset()
                    + " rows fetch next "
                    + page.size()
                    + " rows only")
            .params(params)
            .query(ExecutionIndex::read)
            .list();
    return new Page<>(items, page.page(), page.size(), total);
  }

  private static Entry read(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Entry(
        rs.getString("run_id"),
        rs.getString("namespace"),
        rs.getString("workflow_id"),
        rs.getString("workflow_version"),
        RunStatus.valueOf(rs.getString("status")),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}
