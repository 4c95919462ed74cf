package io.baton.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.baton.server.config.BatonProperties;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database of the server's own tables (workflow catalogue, execution index, keys, secrets,
 * audit, events, alerts), beside the engine's store and derived from the same location: a private
 * in-memory H2 for {@code mem:}, the file {@code PATH-server} for {@code h2:PATH}, and the same
 * database for {@code jdbc:} URLs (tables prefixed {@code srv_}, their own migration history).
 * {@code baton.server-db.url} overrides it.
 */
@Configuration(proxyBeanMethods = false)
public class ServerDatabase {

  /** The pool, migrated before it is handed out. */
  @Bean(destroyMethod = "close")
  DataSource serverDataSource(
      BatonProperties properties, @Value("${baton.server-db.url:}") String override) {
    String url = override.isBlank() ? url(properties.storeLocation()) : override;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("baton-server");
    config.setMaximumPoolSize(8);
    Map<String, String> options = properties.store().options();
    if (url.startsWith("jdbc:") && !url.startsWith("jdbc:h2:")) {
      config.setUsername(options.get("user"));
      config.setPassword(options.get("password"));
    }
    HikariDataSource dataSource = new HikariDataSource(config);
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/server")
        .table("baton_server_schema_history")
        .baselineOnMigrate(true)
        .load()
        .migrate();
    return dataSource;
  }

  /** The JDBC URL of the server's tables for a store location. */
  static String url(String storeLocation) {
    if (storeLocation.equals("mem:") || storeLocation.equals("memory")) {
      return "jdbc:h2:mem:baton-server-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
    if (storeLocation.startsWith("h2:")) {
      return "jdbc:h2:file:" + storeLocation.substring(3) + "-server";
    }
    if (storeLocation.startsWith("jdbc:")) {
      return storeLocation;
    }
    throw new IllegalArgumentException(
        "baton.store.location '"
            + storeLocation
            + "' does not say where the server's tables go: set baton.server-db.url");
  }
}
