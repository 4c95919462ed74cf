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
}
