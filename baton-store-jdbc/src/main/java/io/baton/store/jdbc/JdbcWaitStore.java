package io.baton.store.jdbc;

import io.baton.api.run.WaitKind;
import io.baton.api.store.WaitRecord;
import io.baton.api.store.WaitStore;
import java.util.List;
import java.util.Optional;

/**
 * The index of suspended steps in table {@code baton_wait}, by id, by event name and key, and by
 * kind in registration order.
 */
final class JdbcWaitStore implements WaitStore {
  private static final String SELECT = "SELECT body FROM baton_wait";

  private final Database database;
  private final GroupCommitter committer;
  private final String insertSql;

  JdbcWaitStore(Database database, GroupCommitter committer) {
    this.database = database;
    this.committer = committer;
    this.insertSql =
        "INSERT INTO baton_wait (wait_id, run_id, kind, event_name, correlation_key, body)"
            + " SELECT ?, ?, ?, ?, ?, "
            + database.dialect().json()
            + " WHERE NOT EXISTS (SELECT 1 FROM baton_wait WHERE wait_id = ?)";
  }

  @Override
  public void register(WaitRecord wait) {
    // group-committed with the journal appends of other runs: one flush for many, not one each; a
    // second registration of the same wait (another writer at the same instant) changes nothing
    committer.apply(new Write("wait:" + wait.waitId(), registerRow(wait), List.of()));
  }

  /** The row that indexes {@code wait}, unless it is there. */
  Write.Row registerRow(WaitRecord wait) {
    String body = JsonBodies.write(wait);
    return new Write.Row(
        insertSql,
        ps -> {
          ps.setString(1, wait.waitId());
          ps.setString(2, wait.runId());
          ps.setString(3, wait.kind().name());
          ps.setString(4, wait.eventName());
          ps.setString(5, wait.correlationKey());
          ps.setString(6, body);
          ps.setString(7, wait.waitId());
        });
  }

  @Override
  public void remove(String waitId) {
    committer.apply(new Write("wait:" + waitId, removeRow(waitId), List.of()));
  }

  /** The row that takes a wait out of the index. */
  static Write.Row removeRow(String waitId) {
    return new Write.Row("DELETE FROM baton_wait WHERE wait_id = ?", ps -> ps.setString(1, waitId));
  }

  @Override
  public Optional<WaitRecord> find(String waitId) {
    return database.first(
        "finding wait " + waitId,
        SELECT + " WHERE wait_id = ?",
        ps -> ps.setString(1, waitId),
        rs -> JsonBodies.read(rs.getString(1), WaitRecord.class));
  }

  @Override
  public List<WaitRecord> findByEvent(String eventName, String correlationKey) {
    return database.list(
        "finding waits for event " + eventName,
        SELECT
            + " WHERE kind = ? AND event_name = ?"
            + " AND (correlation_key IS NULL OR correlation_key = ?) ORDER BY wait_order",
        ps -> {
          ps.setString(1, WaitKind.EVENT.name());
          ps.setString(2, eventName);
          ps.setString(3, correlationKey);
        },
        rs -> JsonBodies.read(rs.getString(1), WaitRecord.class));
  }

  @Override
  public List<WaitRecord> humanWaits(int limit) {
    return database.list(
        "listing human waits",
        SELECT + " WHERE kind = ? ORDER BY wait_order LIMIT ?",
        ps -> {
          ps.setString(1, WaitKind.HUMAN.name());
          ps.setInt(2, limit);
        },
        rs -> JsonBodies.read(rs.getString(1), WaitRecord.class));
  }
}
