package io.baton.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.store.StoreUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 store whose first migration a killed process left half done (H2 commits each table by
 * itself): the empty tables are dropped and the store opens; tables with rows are refused.
 */
class InterruptedMigrationTest {

  private static void leaveHalfMigrated(Path db, boolean withRow) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db, "sa", "");
        Statement s = c.createStatement()) {
      // what the first statements of V001 leave behind when the process dies right after them
      s.execute("CREATE TABLE baton_journal (run_id VARCHAR(200), seq BIGINT)");
      s.execute("CREATE TABLE baton_value (value_id VARCHAR(200))");
      if (withRow) {
        s.execute("INSERT INTO baton_journal VALUES ('r1', 0)");
      }
    }
  }

  @Test
  void emptyTablesOfAnInterruptedFirstMigrationAreDroppedAndTheStoreOpens(@TempDir Path dir)
      throws Exception {
    Path db = dir.resolve("store");
    leaveHalfMigrated(db, false);
    try (JdbcStoreBackend backend = JdbcStoreBackend.open("h2:" + db, JdbcStoreOptions.DEFAULTS)) {
      assertThat(backend.runs().unfinished()).isEmpty();
    }
  }

  @Test
  void tablesWithRowsButNoHistoryAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("store");
    leaveHalfMigrated(db, true);
    assertThatThrownBy(() -> JdbcStoreBackend.open("h2:" + db, JdbcStoreOptions.DEFAULTS))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("has Baton tables with data (baton_journal)")
        .hasMessageContaining("no history of its migrations");
  }

  /**
   * Migration 2 killed between its two statements (the old key dropped, the new one not added, no
   * history row), or before its first: the next start finishes it.
   */
  @Test
  void anInterruptedSecondMigrationIsFinishedAtTheNextStart(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("store");
    JdbcStoreBackend.open("h2:" + db, JdbcStoreOptions.DEFAULTS).close();
    for (String before :
        new String[] {
          "ALTER TABLE baton_value DROP PRIMARY KEY",
          "ALTER TABLE baton_value DROP PRIMARY KEY; ALTER TABLE baton_value ADD PRIMARY KEY (value_id)"
        }) {
      try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db, "sa", "");
          Statement s = c.createStatement()) {
        for (String sql : before.split("; ")) {
          s.execute(sql);
        }
        s.execute("DELETE FROM \"" + Migrations.HISTORY + "\" WHERE \"version\" = '2'");
      }
      try (JdbcStoreBackend backend =
          JdbcStoreBackend.open("h2:" + db, JdbcStoreOptions.DEFAULTS)) {
        assertThat(backend.runs().unfinished()).isEmpty();
      }
      try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db, "sa", "");
          var rs = c.getMetaData().getPrimaryKeys(null, null, "BATON_VALUE")) {
        java.util.Set<String> key = new java.util.HashSet<>();
        while (rs.next()) {
          key.add(rs.getString("COLUMN_NAME"));
        }
        assertThat(key).as("after: %s", before).containsExactlyInAnyOrder("VALUE_ID", "RUN_ID");
      }
    }
  }
}
