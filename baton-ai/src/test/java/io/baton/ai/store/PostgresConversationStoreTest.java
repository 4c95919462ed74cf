package io.baton.ai.store;

import io.baton.ai.memory.ConversationStore;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JDBC store on PostgreSQL, in a database of its own dropped after the class. */
class PostgresConversationStoreTest extends ConversationStoreContract {
  private static PostgresTestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = PostgresTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Override
  protected ConversationStore newStore() {
    DataSource ds = database.dataSource();
    AiDatabase db = AiDatabase.migrate(ds);
    try (Connection c = ds.getConnection()) {
      for (String table :
          new String[] {
            "baton_agent_memory",
            "baton_blackboard",
            "baton_agent_message",
            "baton_agent_subscription"
          }) {
        c.createStatement().execute("DELETE FROM " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new JdbcConversationStore(db);
  }
}
