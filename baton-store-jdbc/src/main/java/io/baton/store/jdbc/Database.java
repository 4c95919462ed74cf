package io.baton.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The connection pool of one store, with the two ways the stores use it: a read, and a write in its
 * own transaction. Failures come out translated by {@link SqlFailures}, naming the location and the
 * operation.
 */
final class Database implements AutoCloseable {
  private final HikariDataSource pool;
  private final Dialect dialect;
  private final String location;

  Database(HikariDataSource pool, Dialect dialect, String location) {
    this.pool = pool;
    this.dialect = dialect;
    this.location = location;
  }

  /** Work on a connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    /** Does the work. */
    T run(Connection connection) throws SQLException;
  }

  DataSource dataSource() {
    return pool;
  }

  Dialect dialect() {
    return dialect;
  }

  String location() {
    return location;
  }

  /** Runs {@code work} on a connection in auto-commit mode; {@code what} names it in failures. */
  <T> T read(String what, SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw SqlFailures.translate(location, what, e);
    }
  }

  /** Runs {@code work} in one transaction, committed when it returns, rolled back if it throws. */
  <T> T write(String what, SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw SqlFailures.translate(location, what, e);
    }
  }

  /** Reads one column value of a row. */
  @FunctionalInterface
  interface RowMapper<T> {
    /** The value of the current row of {@code rs}. */
    T map(ResultSet rs) throws SQLException;
  }

  /** The rows {@code sql} selects, each mapped by {@code mapper}. */
  <T> List<T> list(String what, String sql, Write.Binder binder, RowMapper<T> mapper) {
    return read(what, c -> list(c, sql, binder, mapper));
  }

  /** The rows {@code sql} selects on {@code c}, each mapped by {@code mapper}. */
  static <T> List<T> list(Connection c, String sql, Write.Binder binder, RowMapper<T> mapper)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
        return out;
      }
    }
  }

  /** The first row {@code sql} selects, if any. */
  <T> Optional<T> first(String what, String sql, Write.Binder binder, RowMapper<T> mapper) {
    List<T> rows = list(what, sql, binder, mapper);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
  }

  /** Executes one change in its own transaction; returns the rows it changed. */
  int update(String what, String sql, Write.Binder binder) {
    return write(what, c -> execute(c, sql, binder));
  }

  /** Executes one change on {@code c}; returns the rows it changed. */
  static int execute(Connection c, String sql, Write.Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    }
  }

  /** The exception to throw for {@code e}, raised while {@code what}. */
  RuntimeException failure(String what, SQLException e) {
    return SqlFailures.translate(location, what, e);
  }

  static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
