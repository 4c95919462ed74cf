package io.baton.store.jdbc;

import io.baton.api.store.SnapshotRecord;
import io.baton.api.store.SnapshotStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Snapshots in table {@code baton_snapshot}: the payload as bytes, exactly as given, and the
 * checksum the engine computed beside it. The store never checks or repairs either: the engine
 * verifies the checksum when it restores, so a damaged row must come back as it is.
 */
final class JdbcSnapshotStore implements SnapshotStore {
  private static final String SELECT = "SELECT body, payload FROM baton_snapshot";

  private final Database database;
  private final String insertSql;

  /** What the JSON body holds: everything but the payload. */
  private record Meta(
      String snapshotId,
      String runId,
      long seq,
      String label,
      Instant createdAt,
      String checksum) {}

  JdbcSnapshotStore(Database database) {
    this.database = database;
    this.insertSql =
        "INSERT INTO baton_snapshot (snapshot_id, run_id, seq, checksum, body, payload)"
            + " VALUES (?, ?, ?, ?, "
            + database.dialect().json()
            + ", ?)";
  }

  @Override
  public void save(SnapshotRecord s) {
    String body =
        JsonBodies.write(
            new Meta(s.snapshotId(), s.runId(), s.seq(), s.label(), s.createdAt(), s.checksum()));
    try {
      database.update(
          "saving snapshot " + s.snapshotId(),
          insertSql,
          ps -> {
            ps.setString(1, s.snapshotId());
            ps.setString(2, s.runId());
            ps.setLong(3, s.seq());
            ps.setString(4, s.checksum());
            ps.setString(5, body);
            ps.setBytes(6, s.payload());
          });
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof SQLException sql && SqlFailures.isDuplicateKey(sql)) {
        throw new IllegalArgumentException(
            "snapshot " + s.snapshotId() + " exists; snapshot ids are unique", e);
      }
      throw e;
    }
  }

  @Override
  public Optional<SnapshotRecord> find(String snapshotId) {
    return database.first(
        "reading snapshot " + snapshotId,
        SELECT + " WHERE snapshot_id = ?",
        ps -> ps.setString(1, snapshotId),
        JdbcSnapshotStore::snapshot);
  }

  @Override
  public List<SnapshotRecord> list(String runId) {
    return database.list(
        "listing the snapshots of run " + runId,
        SELECT + " WHERE run_id = ? ORDER BY seq, snapshot_id",
        ps -> ps.setString(1, runId),
        JdbcSnapshotStore::snapshot);
  }

  @Override
  public void delete(String snapshotId) {
    database.update(
        "deleting snapshot " + snapshotId,
        "DELETE FROM baton_snapshot WHERE snapshot_id = ?",
        ps -> ps.setString(1, snapshotId));
  }

  @Override
  public void deleteRun(String runId) {
    database.update(
        "deleting the snapshots of run " + runId,
        "DELETE FROM baton_snapshot WHERE run_id = ?",
        ps -> ps.setString(1, runId));
  }

  private static SnapshotRecord snapshot(ResultSet rs) throws SQLException {
    Meta m = JsonBodies.read(rs.getString(1), Meta.class);
    return new SnapshotRecord(
        m.snapshotId(), m.runId(), m.seq(), m.label(), m.createdAt(), rs.getBytes(2), m.checksum());
  }
}
