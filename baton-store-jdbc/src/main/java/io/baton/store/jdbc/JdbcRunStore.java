package io.baton.store.jdbc;

import io.baton.api.store.ConcurrentModificationException;
import io.baton.api.store.RunQuery;
import io.baton.api.store.RunRecord;
import io.baton.api.store.RunStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Run summaries in table {@code baton_run}: the record as JSON, with its status, workflow, times
 * and version beside it for queries. Saves go through the {@link GroupCommitter} with the journal's
 * appends, guarded by the version (an insert only where the run is absent, an update only where the
 * stored version is the one before).
 */
final class JdbcRunStore implements RunStore {
  private static final String SELECT = "SELECT body FROM baton_run";

  private final Database database;
  private final GroupCommitter committer;
  private final String insertSql;
  private final String updateSql;

  JdbcRunStore(Database database, GroupCommitter committer) {
    this.database = database;
    this.committer = committer;
    String json = database.dialect().json();
    this.insertSql =
        "INSERT INTO baton_run (run_id, workflow_id, workflow_version, status, ended,"
            + " parent_run_id, created_at, updated_at, version, body)"
            + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + json
            + " WHERE NOT EXISTS (SELECT 1 FROM baton_run WHERE run_id = ?)";
    this.updateSql =
        "UPDATE baton_run SET workflow_id = ?, workflow_version = ?, status = ?, ended = ?,"
            + " parent_run_id = ?, created_at = ?, updated_at = ?, version = ?, body = "
            + json
            + " WHERE run_id = ? AND version = ?";
  }

  @Override
  public void save(RunRecord record) {
    if (!committer.apply(new Write("run:" + record.runId(), saveRow(record), List.of()))) {
      throw conflict(record);
    }
  }

  /**
   * The row that stores {@code record}: an insert where the run is absent (version 1), else an
   * update where the stored version is the one before; it changes nothing otherwise.
   */
  Write.Row saveRow(RunRecord record) {
    String body = JsonBodies.write(record);
    boolean insert = record.version() == 1;
    return new Write.Row(
        insert ? insertSql : updateSql,
        ps -> {
          int i = 1;
          if (insert) {
            ps.setString(i++, record.runId());
          }
          ps.setString(i++, record.workflowId());
          ps.setString(i++, record.workflowVersion());
          ps.setString(i++, record.status().name());
          ps.setBoolean(i++, record.status().isTerminal());
          ps.setString(i++, record.parentRunId());
          JsonBodies.setTime(ps, i++, record.createdAt());
          JsonBodies.setTime(ps, i++, record.updatedAt());
          if (insert) {
            ps.setLong(i++, record.version());
            ps.setString(i++, body);
            ps.setString(i, record.runId());
          } else {
            ps.setLong(i++, record.version());
            ps.setString(i++, body);
            ps.setString(i++, record.runId());
            ps.setLong(i, record.version() - 1);
          }
        });
  }

  /** The error for a save whose row changed nothing: another writer saved the run first. */
  ConcurrentModificationException conflict(RunRecord record) {
    long actual = find(record.runId()).map(RunRecord::version).orElse(0L);
    return new ConcurrentModificationException(
        "run " + record.runId(), record.version() - 1, actual);
  }

  @Override
  public Optional<RunRecord> find(String runId) {
    return database.first(
        "finding run " + runId,
        SELECT + " WHERE run_id = ?",
        ps -> ps.setString(1, runId),
        rs -> JsonBodies.read(rs.getString(1), RunRecord.class));
  }

  @Override
  public List<RunRecord> list(RunQuery query) {
    StringBuilder sql = new StringBuilder(SELECT + " WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (query.workflowId() != null) {
      sql.append(" AND workflow_id = ?");
      args.add(query.workflowId());
    }
    if (!query.statuses().isEmpty()) {
      sql.append(" AND status IN (")
          .append(String.join(", ", Collections.nCopies(query.statuses().size(), "?")))
          .append(')');
      query.statuses().forEach(status -> args.add(status.name()));
    }
    sql.append(" ORDER BY created_at DESC, run_id DESC LIMIT ? OFFSET ?");
    args.add(query.limit());
    args.add(query.offset());
    return database.list(
        "listing runs",
        sql.toString(),
        ps -> {
          for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
          }
        },
        rs -> JsonBodies.read(rs.getString(1), RunRecord.class));
  }

  @Override
  public List<String> unfinished() {
    return database.list(
        "listing unfinished runs",
        "SELECT run_id FROM baton_run WHERE ended = FALSE ORDER BY created_at, run_id",
        ps -> {},
        rs -> rs.getString(1));
  }

  @Override
  public List<String> endedBefore(Instant time, int limit) {
    return database.list(
        "listing runs ended before " + time,
        "SELECT run_id FROM baton_run WHERE ended = TRUE AND updated_at < ?"
            + " ORDER BY updated_at, run_id LIMIT ?",
        ps -> {
          JsonBodies.setTime(ps, 1, time);
          ps.setInt(2, limit);
        },
        rs -> rs.getString(1));
  }

  @Override
  public void delete(String runId) {
    database.update(
        "deleting run " + runId,
        "DELETE FROM baton_run WHERE run_id = ?",
        ps -> ps.setString(1, runId));
  }
}
