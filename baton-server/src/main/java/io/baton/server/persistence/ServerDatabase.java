package io.baton.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.baton.api.store.StoreBackend;
import io.baton.store.jdbc.JdbcStoreBackend;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database of the server's own tables (workflow catalogue, execution index, keys, secrets,
 * audit, events, alerts, agents, MCP servers): the same database as the runs when the store is a
 * SQL one ({@link JdbcStoreBackend#dataSource()}: one file or one PostgreSQL database to back up,
 * one pool, tables prefixed {@code srv_} with their own migration history), a private in-memory H2
 * for the in-memory store. {@code baton.server-db.url} puts them elsewhere.
 */
@Configuration(proxyBeanMethods = false)
public class ServerDatabase {
  /** Flyway's history table of the server's migrations. */
  public static final String HISTORY_TABLE = "baton_server_schema_history";

  /** Where the server's tables are, migrated; closes the pool it opened itself, if any. */
  @Bean(destroyMethod = "close")
  ServerTables serverTables(StoreBackend store, @Value("${baton.server-db.url:}") String override) {
    ServerTables tables;
    if (!override.isBlank()) {
      tables = ServerTables.owned(pool(override));
    } else if (store instanceof JdbcStoreBackend jdbc) {
      tables = ServerTables.shared(jdbc.dataSource());
    } else {
      tables =
          ServerTables.owned(
              pool("jdbc:h2:mem:baton-server-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    }
    migrate(tables.dataSource());
    return tables;
  }

  /** The data source of the server's tables; its pool is closed by {@link ServerTables}. */
  @Bean(destroyMethod = "")
  DataSource serverDataSource(ServerTables tables) {
    return tables.dataSource();
  }

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("baton-server");
    config.setMaximumPoolSize(8);
    return new HikariDataSource(config);
  }

  /**
   * Creates or upgrades the tables. The database may already hold the engine's and the modules'
   * tables, so this history starts at version 0 and every migration of the server applies.
   */
  static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/server")
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
