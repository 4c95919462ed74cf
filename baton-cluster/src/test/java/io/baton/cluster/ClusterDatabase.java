package io.baton.cluster;

import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.store.jdbc.JdbcStoreOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of the cluster tests' own ({@code baton_cluster_test_<random>}) on the machine's
 * PostgreSQL (127.0.0.1:5432, user postgres, or {@code BATON_TEST_PG=host:port}), dropped at the
 * end. Without the server the test fails and says how to start it.
 */
final class ClusterDatabase implements AutoCloseable {
  static final String SERVER = System.getenv().getOrDefault("BATON_TEST_PG", "127.0.0.1:5432");
  static final String USER = "postgres";
  final String name;

  private ClusterDatabase(String name) {
    this.name = name;
  }

  static ClusterDatabase create() {
    String name =
        "baton_cluster_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    onServer("CREATE DATABASE " + name);
    return new ClusterDatabase(name);
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + SERVER + "/" + name + "?user=" + USER;
  }

  /** A Baton store on this database (its tables migrated). */
  JdbcStoreBackend openStore() {
    return JdbcStoreBackend.open(
        "jdbc:postgresql://" + SERVER + "/" + name,
        JdbcStoreOptions.DEFAULTS.withCredentials(USER, ""));
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl());
  }

  /** Closes each of {@code closeables} in order, going on past those that fail or are null. */
  static void closeAll(Iterable<? extends AutoCloseable> closeables) {
    for (AutoCloseable c : closeables) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // closing what a test left half-done
      }
    }
  }

  @Override
  public void close() {
    onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void onServer(String sql) {
    try (Connection c =
            DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres?user=" + USER);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the cluster tests need PostgreSQL at "
              + SERVER
              + " ("
              + e.getMessage()
              + "); start it with scripts/ensure-postgres.sh",
          e);
    }
  }
}
