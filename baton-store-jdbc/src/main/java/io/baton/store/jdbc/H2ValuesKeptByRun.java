package io.baton.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * H2 migration 2: a large value is kept by run ({@code baton_value} keyed by value and run), so a
 * fork keeps its own copy of its source's values under the same id (PostgreSQL does it in one
 * statement, {@code V002__values_kept_by_run.sql}). H2 commits each DDL statement by itself, so a
 * process killed between dropping the old key and adding the new one leaves a table without one,
 * and no history row: this migration looks at the key there is and does only what is left.
 */
final class H2ValuesKeptByRun implements JavaMigration {
  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("2");
  }

  @Override
  public String getDescription() {
    return "values kept by run";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    Set<String> key = primaryKey(c);
    if (key.equals(Set.of("value_id", "run_id"))) {
      return;
    }
    try (Statement s = c.createStatement()) {
      if (!key.isEmpty()) {
        s.execute("ALTER TABLE baton_value DROP PRIMARY KEY");
      }
      s.execute("ALTER TABLE baton_value ADD PRIMARY KEY (value_id, run_id)");
    }
  }

  private static Set<String> primaryKey(Connection c) throws SQLException {
    Set<String> columns = new HashSet<>();
    try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, null, "BATON_VALUE")) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return columns;
  }
}
