package io.baton.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Statements shared by the stores. */
final class Tables {
  /** Every table that holds rows of a run, in the order a run's deletion empties them. */
  static final String[] OF_A_RUN = {
    "baton_journal", "baton_value", "baton_timer", "baton_wait", "baton_snapshot", "baton_run"
  };

  private Tables() {}

  /** Deletes the rows of {@code runId} from {@code tables} (names from this class's constants). */
  static int deleteByRun(Connection c, String runId, String... tables) throws SQLException {
    int deleted = 0;
    for (String table : tables) {
      deleted +=
          Database.execute(
              c, "DELETE FROM " + table + " WHERE run_id = ?", ps -> ps.setString(1, runId));
    }
    return deleted;
  }
}
