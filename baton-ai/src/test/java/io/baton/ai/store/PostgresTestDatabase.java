package io.baton.ai.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own on the machine's PostgreSQL ({@code 127.0.0.1:5432}, user {@code postgres},
 * or {@code BATON_TEST_PG=host:port}), dropped by {@link #close}. When the server cannot be reached
 * the test fails and says how to start it: it never skips.
 */
final class PostgresTestDatabase implements AutoCloseable {
  private static final String SERVER =
      System.getenv().getOrDefault("BATON_TEST_PG", "127.0.0.1:5432");

  private final String name;

  private PostgresTestDatabase(String name) {
    this.name = name;
  }

  static PostgresTestDatabase create() {
    String name =
        "baton_ai_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    admin("CREATE DATABASE " + name);
    return new PostgresTestDatabase(name);
  }

  PGSimpleDataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL("jdbc:postgresql://" + SERVER + "/" + name);
    ds.setUser("postgres");
    return ds;
  }

  @Override
  public void close() {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void admin(String sql) {
    try (Connection c =
        DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", "postgres", "")) {
      c.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the PostgreSQL tests need the server at "
              + SERVER
              + " (user postgres): "
              + e.getMessage()
              + ". Start it with scripts/ensure-postgres.sh, or set BATON_TEST_PG=host:port.",
          e);
    }
  }
}
