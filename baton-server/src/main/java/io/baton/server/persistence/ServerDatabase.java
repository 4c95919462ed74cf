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
 * SQL one — one file or one PostgreSQL database to back up, tables prefixed {@code srv_} with their
 * own migration history — reached through a pool of the server's own ({@code baton-server}, {@code
 * baton.server-db.pool-size} connections), so that a flood of API requests queues for its
 * connections and never takes those the engine's journal writes need. With the in-memory store, a
 * private in-memory H2; {@code baton.server-db.url} puts them elsewhere.
 */
@Configuration(proxyBeanMethods = false)
public class ServerDatabase {
  /** Flyway's history table of the server's migrations. */
  public static final String HISTORY_TABLE = "baton_server_schema_history";

  /** Where the server's tables are, migrated; closes its pool after the beans that use it. */
  @Bean(destroyMethod = "close")
  ServerTables serverTables(
      StoreBackend store,
      @Value("${baton.server-db.url:}") String override,
      @Value("${baton.server-db.pool-size:16}") int poolSize) {
    ServerTables tables;
    if (!override.isBlank()) {
      tables = new ServerTables(pool(override, null, null, poolSize), false, false);
    } else if (store instanceof JdbcStoreBackend jdbc
        && jdbc.dataSource() instanceof HikariDataSource runs) {
      tables =
          new ServerTables(
              pool(runs.getJdbcUrl(), runs.getUsername(), runs.getPassword(), poolSize),
              true,
              runs.getJdbcUrl().startsWith("jdbc:postgresql:"));
    } else {
      String url = "jdbc:h2:mem:baton-server-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
      tables = new ServerTables(pool(url, null, null, poolSize), false, false);
    }
    migrate(tables.dataSource());
    return tables;
  }

  /** The data source of the server's tables; its pool is closed by {@link ServerTables}. */
  @Bean(destroyMethod = "")
  DataSource serverDataSource(ServerTables tables) {
    return tables.dataSource();
  }

  private static HikariDataSource pool(String url, String user, String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setPoolName("baton-server");
    config.setMaximumPoolSize(size);
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
