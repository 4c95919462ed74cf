package io.baton.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One transaction of the group commit: a write whose own row the database refuses fails alone, and
 * the writes beside it are applied.
 */
class CommitBatchTest {
  private Database database;

  @BeforeEach
  void open() throws Exception {
    JdbcLocation where = JdbcLocation.parse("h2:mem:commit-batch-" + System.nanoTime());
    database = new Database(Connector.open(where, JdbcStoreOptions.DEFAULTS), Dialect.H2, "test");
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (k VARCHAR(20) PRIMARY KEY)");
      s.execute("CREATE TABLE note (k VARCHAR(20), text VARCHAR(5))");
    }
  }

  @AfterEach
  void close() {
    database.close();
  }

  /** Inserts {@code key} into {@code t}, then a note of {@code text} for it. */
  private static Write write(String key, String text) {
    return new Write(
        key,
        new Write.Row("INSERT INTO t (k) VALUES (?)", ps -> ps.setString(1, key)),
        List.of(
            new Write.Row(
                "INSERT INTO note (k, text) VALUES (?, ?)",
                ps -> {
                  ps.setString(1, key);
                  ps.setString(2, text);
                })));
  }

  @Test
  void aWriteWhoseRowIsRefusedFailsAloneAndTheOthersApply() throws Exception {
    List<Write> writes = List.of(write("a", "ok"), write("b", "far too long"), write("c", "ok"));
    boolean[] applied;
    CommitBatch batch;
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      batch = new CommitBatch(c, writes);
      applied = batch.apply();
      c.commit();
    }

    assertThat(applied).containsExactly(true, false, true);
    assertThat(failures(batch, 3)).as("value too long").containsExactly("none", "22001", "none");
    assertThat(keys("SELECT k FROM t")).containsExactly("a", "c");
    assertThat(keys("SELECT k FROM note")).as("nothing of b").containsExactly("a", "c");
  }

  @Test
  void aDuplicateKeyIsAConflictNotAFailure() throws Exception {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO t (k) VALUES ('b')");
    }
    CommitBatch batch;
    boolean[] applied;
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      batch = new CommitBatch(c, List.of(write("a", "ok"), write("b", "ok")));
      applied = batch.apply();
      c.commit();
    }

    assertThat(applied).containsExactly(true, false);
    assertThat(failures(batch, 2)).containsExactly("none", "none");
    assertThat(keys("SELECT k FROM note")).containsExactly("a");
  }

  /** The SQL state of each write's own failure, "none" where it has none. */
  private static List<String> failures(CommitBatch batch, int writes) {
    List<String> states = new ArrayList<>();
    for (int i = 0; i < writes; i++) {
      states.add(batch.failure(i) == null ? "none" : batch.failure(i).getSQLState());
    }
    return states;
  }

  private List<String> keys(String sql) throws Exception {
    List<String> keys = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql + " ORDER BY k")) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    return keys;
  }
}
