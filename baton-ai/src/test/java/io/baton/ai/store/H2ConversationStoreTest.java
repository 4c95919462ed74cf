package io.baton.ai.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.ai.memory.ConversationStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC store on an H2 file database, migrated by Flyway with its own history table. */
class H2ConversationStoreTest extends ConversationStoreContract {
  @TempDir Path dir;
  private int databases;

  private JdbcDataSource dataSource() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("ai-" + databases++) + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  @Override
  protected ConversationStore newStore() {
    return new JdbcConversationStore(AiDatabase.migrate(dataSource()));
  }

  @Test
  void migratesBesideOtherTablesAndAReopenedStoreSeesWhatWasWritten() throws Exception {
    JdbcDataSource ds = dataSource();
    try (Connection c = ds.getConnection()) {
      c.createStatement().execute("CREATE TABLE engine_table (id INT)");
    }
    new JdbcConversationStore(AiDatabase.migrate(ds)).writeBlackboard("r", "k", "\"kept\"");

    ConversationStore reopened = new JdbcConversationStore(AiDatabase.migrate(ds));

    assertThat(reopened.blackboard("r")).containsEntry("k", "\"kept\"");
    try (Connection c = ds.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM \""
                        + AiDatabase.HISTORY_TABLE
                        + "\" WHERE \"success\" AND \"version\" = '001'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }
}
