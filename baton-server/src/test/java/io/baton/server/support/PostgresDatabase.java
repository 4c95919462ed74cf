package io.baton.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of the test's own, {@code baton_server_test_<random>}, on the machine's PostgreSQL
 * ({@code BATON_TEST_PG}, default {@code 127.0.0.1:5432}, user {@code postgres}); dropped on close.
 * When the server cannot be reached the test fails saying how to start it.
 */
public final class PostgresDatabase implements AutoCloseable {
  private static final String SERVER =
      System.getenv().getOrDefault("BATON_TEST_PG", "127.0.0.1:5432");
  private static final String USER = "postgres";

  private final String name;

  private PostgresDatabase(String name) {
    this.name = name;
  }

  /** Creates it. */
  public static PostgresDatabase create() {
    String name =
        "baton_server_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    execute("postgres", "CREATE DATABASE " + name);
    return new PostgresDatabase(name);
  }

  /** The store location ({@code baton.store.location}). */
  public String location() {
    return "postgresql://" + USER + "@" + SERVER + "/" + name;
  }

  /** A connection to it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/" + name, USER, "");
  }

  @Override
  public void close() {
    execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(String database, String sql) {
    try (Connection c =
            DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/" + database, USER, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the server's PostgreSQL test needs PostgreSQL at "
              + SERVER
              + " (user postgres): "
              + e.getMessage()
              + ". Start it with scripts/ensure-postgres.sh.",
          e);
    }
  }
}
