package io.baton.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of its own on the machine's PostgreSQL ({@code baton_test_<random>}), created for a
 * test class and dropped after it. The server is {@code 127.0.0.1:5432} with user {@code postgres}
 * unless {@code BATON_TEST_PG} says otherwise ({@code host:port}); when it cannot be reached the
 * test fails and says how to start it — it never skips silently.
 */
final class PostgresTestDatabase implements AutoCloseable {
  private static final String SERVER =
      System.getenv().getOrDefault("BATON_TEST_PG", "127.0.0.1:5432");
  private static final String USER = System.getenv().getOrDefault("BATON_TEST_PG_USER", "postgres");

  private final String name;

  private PostgresTestDatabase(String name) {
    this.name = name;
  }

  /** Creates a fresh database. */
  static PostgresTestDatabase create() {
    String name = "baton_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    admin("CREATE DATABASE " + name);
    return new PostgresTestDatabase(name);
  }

  /** The store location of this database. */
  String location() {
    return "postgresql://" + USER + "@" + SERVER + "/" + name;
  }

  /** The JDBC URL of this database. */
  String jdbcUrl() {
    return "jdbc:postgresql://" + SERVER + "/" + name;
  }

  /** Runs {@code sql} on the server's maintenance database. */
  void adminSql(String sql) {
    admin(sql);
  }

  String name() {
    return name;
  }

  /** Connects to this database as the test user. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), USER, "");
  }

  @Override
  public void close() {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void admin(String sql) {
    try (Connection c =
            DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the PostgreSQL tests need the server at "
              + SERVER
              + " (user "
              + USER
              + "), which failed: "
              + e.getMessage()
              + ". Start it with scripts/ensure-postgres.sh (./baton test does), or point"
              + " BATON_TEST_PG=host:port at another one.",
          e);
    }
  }
}
