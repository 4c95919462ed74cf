package io.baton.modules.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC store on an H2 file database, migrated by Flyway with its own history table. */
class H2ModuleEntityStoreTest extends ModuleEntityStoreContract {
  @TempDir Path dir;
  private int databases;

  private JdbcDataSource dataSource() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("modules-" + databases++) + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  @Override
  protected ModuleEntityStore store() {
    return JdbcModuleEntityStore.migrate(dataSource(), clock);
  }

  @Test
  void migratesBesideOtherTablesAndKeepsItsOwnHistory() throws Exception {
    JdbcDataSource ds = dataSource();
    try (Connection c = ds.getConnection()) {
      c.createStatement().execute("CREATE TABLE engine_table (id INT)");
    }
    ModuleEntityStore first = JdbcModuleEntityStore.migrate(ds, clock);
    first.insert(new EntityKey("context", "context", "c"), null, Map.of("title", "kept"));
    ModuleEntityStore again = JdbcModuleEntityStore.migrate(ds, clock);

    assertThat(again.find(new EntityKey("context", "context", "c")).orElseThrow().document())
        .containsEntry("title", "kept");
    try (Connection c = ds.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM \""
                        + JdbcModuleEntityStore.HISTORY_TABLE
                        + "\" WHERE \"success\" AND \"version\" = '001'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }
}
