package io.baton.store;

import io.baton.api.store.StoreBackend;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.store.jdbc.JdbcStoreOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on the machine's PostgreSQL, in a database created for this class and dropped
 * after it; the tables are emptied before each test.
 */
class PostgresStoreContractTest extends JdbcStoreContractTest {
  private static PostgresTestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = PostgresTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected String location() {
    return database.location();
  }

  @Override
  protected void empty(StoreBackend backend) {
    try (Connection c = ((JdbcStoreBackend) backend).dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "TRUNCATE baton_journal, baton_value, baton_run, baton_timer, baton_wait,"
              + " baton_definition, baton_snapshot");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void forgetFutureMigration() {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM baton_schema_history WHERE version = '999'");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected StoreBackend openReadOnly() {
    // as on a server whose disk went read-only: every transaction of new connections is
    // read-only, and the connections open before are cut
    database.adminSql(
        "ALTER DATABASE " + database.name() + " SET default_transaction_read_only = on");
    database.adminSql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
            + database.name()
            + "'");
    return JdbcStoreBackend.open(location(), JdbcStoreOptions.DEFAULTS);
  }

  @Override
  protected void endReadOnly() {
    database.adminSql("ALTER DATABASE " + database.name() + " RESET default_transaction_read_only");
  }
}
