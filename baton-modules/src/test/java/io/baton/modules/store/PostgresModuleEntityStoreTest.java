package io.baton.modules.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The JDBC store on the machine's PostgreSQL (127.0.0.1:5432, user postgres): each store gets a
 * database of its own, {@code baton_modules_test_<random>}, dropped after the tests. Skipped, with
 * the reason, when PostgreSQL is not reachable.
 */
class PostgresModuleEntityStoreTest extends ModuleEntityStoreContract {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final List<String> CREATED = new ArrayList<>();

  @BeforeAll
  static void reachable() {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
      Assumptions.assumeTrue(c.isValid(2));
    } catch (SQLException e) {
      Assumptions.abort("PostgreSQL is not reachable at " + SERVER + ": " + e.getMessage());
    }
  }

  @Override
  protected ModuleEntityStore store() {
    // Test database names only need to avoid collisions between concurrent builds.
    String name =
        "baton_modules_test_"
            + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
      c.createStatement().execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    CREATED.add(name);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(SERVER + name);
    ds.setUser("postgres");
    return JdbcModuleEntityStore.migrate(ds, clock);
  }

  @AfterAll
  static void dropDatabases() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
      for (String name : CREATED) {
        c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
    CREATED.clear();
  }
}
