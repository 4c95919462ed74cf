package io.baton.store.jdbc;

import io.baton.api.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Undoes the first migration of an H2 store that a killed process left half done. H2 commits each
 * {@code CREATE TABLE} by itself, so a process killed while creating the schema leaves some of the
 * tables and no row in the history; Flyway then stops on "table already exists" at every start.
 * Such a store holds nothing yet: when the tables of the first migration that exist are all empty,
 * they are dropped and the migration runs again. If one holds rows the store is refused, since data
 * without a history is not something to guess about.
 */
final class InterruptedFirstMigration {
  private static final String FIRST = "db/baton/h2/V001__baton_core.sql";
  private static final Pattern CREATE_TABLE =
      Pattern.compile("CREATE TABLE (\\w+)", Pattern.CASE_INSENSITIVE);

  private InterruptedFirstMigration() {}

  /** Drops what an interrupted first migration created, if anything; the caller then migrates. */
  static void clear(DataSource dataSource, String location) {
    try (Connection c = dataSource.getConnection()) {
      List<String> existing = new ArrayList<>();
      for (String table : tablesOfFirstMigration()) {
        if (exists(c, table)) {
          existing.add(table);
        }
      }
      for (String table : existing) {
        if (hasRows(c, table)) {
          throw new StoreUnavailableException(
              "the store at "
                  + location
                  + " has Baton tables with data ("
                  + table
                  + ") but no history of its migrations in "
                  + Migrations.HISTORY
                  + "; restore a backup or point Baton at another location");
        }
      }
      try (Statement s = c.createStatement()) {
        for (String table : existing) {
          s.execute("DROP TABLE " + table);
        }
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException(
          "cannot inspect the schema of the store at " + location + ": " + e.getMessage(), e);
    }
  }

  private static List<String> tablesOfFirstMigration() {
    try (InputStream in =
        InterruptedFirstMigration.class.getClassLoader().getResourceAsStream(FIRST)) {
      if (in == null) {
        throw new IllegalStateException(FIRST + " is missing from the class path");
      }
      Matcher m = CREATE_TABLE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      List<String> tables = new ArrayList<>();
      while (m.find()) {
        tables.add(m.group(1));
      }
      return tables;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (ResultSet rs =
        c.getMetaData().getTables(null, c.getSchema(), table.toUpperCase(Locale.ROOT), null)) {
      return rs.next();
    }
  }

  private static boolean hasRows(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
      return rs.next();
    }
  }
}
