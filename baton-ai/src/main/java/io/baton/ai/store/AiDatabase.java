package io.baton.ai.store;

import io.baton.api.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The tables of Baton's AI (agents' memories, blackboards, agent messages) in a relational database
 * (H2 or PostgreSQL), created and upgraded by Flyway from {@code db/ai} with their own history
 * table ({@code baton_ai_schema_history}): they share a database with the engine's stores without
 * touching their migrations.
 *
 * <pre>{@code
 * AiDatabase db = AiDatabase.migrate(jdbcStore.dataSource());
 * AiEnvironment env = new AiEnvironment(clock, secrets, new JdbcConversationStore(db), dir);
 * }</pre>
 */
public final class AiDatabase {
  /** Flyway's history table of these migrations. */
  public static final String HISTORY_TABLE = "baton_ai_schema_history";

  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  private AiDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Migrates the AI tables in {@code dataSource}, then returns them. */
  public static AiDatabase migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/ai")
        .table(HISTORY_TABLE)
        // The database may already hold the engine's and the modules' tables.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    return new AiDatabase(dataSource);
  }

  /** Reads one row. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the rows changed. */
  int update(String what, String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = bind(c.prepareStatement(sql), args)) {
      return st.executeUpdate();
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /** A row with the same key is there already. */
  static final class DuplicateKeyException extends RuntimeException {
    DuplicateKeyException(SQLException cause) {
      super(cause);
    }
  }

  /**
   * Inserts a row.
   *
   * @throws DuplicateKeyException when a row with the same key is there
   */
  void insert(String what, String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = bind(c.prepareStatement(sql), args)) {
      st.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new DuplicateKeyException(e);
      }
      throw failure(what, e);
    }
  }

  /**
   * Writes a row: updates it, or inserts it when there is none (again as an update when another
   * writer inserted it first), portable across H2 and PostgreSQL.
   */
  void upsert(String what, String updateSql, String insertSql, Object... args) {
    if (update(what, updateSql, args) > 0) {
      return;
    }
    try {
      insert(what, insertSql, args);
    } catch (DuplicateKeyException e) {
      update(what, updateSql, args);
    }
  }

  /** Runs a query; returns its rows. */
  <T> List<T> query(String what, String sql, Row<T> row, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = bind(c.prepareStatement(sql), args);
        ResultSet rs = st.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.read(rs));
      }
      return out;
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private static PreparedStatement bind(PreparedStatement st, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      st.setObject(i + 1, args[i]);
    }
    return st;
  }

  static StoreUnavailableException failure(String what, SQLException e) {
    return new StoreUnavailableException(
        "AI store: could not " + what + " (" + e.getMessage() + ")", e);
  }
}
