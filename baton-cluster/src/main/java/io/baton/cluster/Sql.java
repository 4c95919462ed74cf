package io.baton.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Transactions on the cluster's tables: each unit of work runs in one transaction, committed when
 * it returns and rolled back when it throws; SQL failures become {@link ClusterStoreException}s
 * that say what was being done.
 */
final class Sql {
  private final DataSource dataSource;

  Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Work on one connection inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Binds parameters. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Reads one row. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  DataSource dataSource() {
    return dataSource;
  }

  <T> T tx(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(c);
        throw e;
      }
    } catch (SQLException e) {
      throw new ClusterStoreException(what + " failed: " + e.getMessage(), e);
    }
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is broken: the transaction is gone with it
    }
  }

  int update(String what, String sql, Binder binder) {
    return tx(what, c -> update(c, sql, binder));
  }

  <T> List<T> list(String what, String sql, Binder binder, Row<T> row) {
    return tx(what, c -> list(c, sql, binder, row));
  }

  static int update(Connection c, String sql, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    }
  }

  static <T> List<T> list(Connection c, String sql, Binder binder, Row<T> row) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.read(rs));
        }
        return out;
      }
    }
  }

  /** Wakes the nodes listening on the cluster's channel when the transaction commits. */
  static void notify(Connection c, String payload) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      ps.setString(1, Notifications.CHANNEL);
      ps.setString(2, payload);
      ps.execute();
    }
  }

  static Timestamp time(Instant instant) {
    return Timestamp.from(instant);
  }

  static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
