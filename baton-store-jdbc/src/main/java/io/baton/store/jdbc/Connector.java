package io.baton.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.baton.api.store.StoreUnavailableException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the connection pool of a store, trying again with a doubling pause while the database is
 * unreachable (it may be starting), and giving up with a message that names the location and says
 * what to check.
 */
final class Connector {
  private static final Logger LOG = LoggerFactory.getLogger(Connector.class);

  /**
   * SQL states that no waiting cures: wrong password (28P01, 28000), unknown database (3D000),
   * unknown user role (28xxx).
   */
  private static final Set<String> PERMANENT = Set.of("28P01", "28000", "3D000");

  private Connector() {}

  static HikariDataSource open(JdbcLocation location, JdbcStoreOptions options) {
    Duration delay = options.connectDelay();
    RuntimeException last = null;
    for (int attempt = 1; attempt <= options.connectAttempts(); attempt++) {
      try {
        return new HikariDataSource(config(location, options));
      } catch (RuntimeException e) {
        last = e;
        SQLException sql = sqlCause(e);
        if (sql != null && sql.getSQLState() != null && PERMANENT.contains(sql.getSQLState())) {
          throw new StoreUnavailableException(refusal(location, sql), e);
        }
        if (attempt < options.connectAttempts()) {
          LOG.warn(
              "store at {} not reachable (attempt {} of {}): {}; trying again in {} ms",
              location.display(),
              attempt,
              options.connectAttempts(),
              rootMessage(e),
              delay.toMillis());
          pause(options, delay, location);
          delay = delay.multipliedBy(2);
        }
      }
    }
    throw new StoreUnavailableException(unreachable(location, options, last), last);
  }

  private static HikariConfig config(JdbcLocation location, JdbcStoreOptions options) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(location.jdbcUrl());
    String user = firstNonNull(options.user(), location.user(), location.dialect().defaultUser());
    config.setUsername(user);
    config.setPassword(firstNonNull(options.password(), location.password(), ""));
    config.setMaximumPoolSize(options.poolSize());
    config.setPoolName("baton-store");
    // fail at once when the first connection cannot be made: the retries are ours
    config.setInitializationFailTimeout(1);
    config.setConnectionTimeout(
        Math.max(250, Math.min(30_000, options.connectDelay().toMillis() * 4)));
    if (location.dialect() == Dialect.POSTGRESQL) {
      // statements prepared once per connection on the server, reused by every batch
      config.addDataSourceProperty("prepareThreshold", "1");
      // A group commit's plain inserts (journal rows after the first, values) go as multi-row
      // INSERTs. Heads whose update counts decide conflicts are INSERT ... SELECT or UPDATE, which
      // the driver never rewrites, so their counts stay exact (see CommitBatch).
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
      config.addDataSourceProperty("connectTimeout", "5");
    }
    return config;
  }

  private static void pause(JdbcStoreOptions options, Duration delay, JdbcLocation location) {
    try {
      options.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException(
          "interrupted while waiting to reconnect to the store at " + location.display(), e);
    }
  }

  private static String unreachable(
      JdbcLocation location, JdbcStoreOptions options, RuntimeException last) {
    String how =
        location.dialect() == Dialect.POSTGRESQL
            ? "Check that PostgreSQL is running and accepts connections there (pg_isready -h HOST"
                + " -p PORT; on a development machine scripts/ensure-postgres.sh starts the local"
                + " cluster), that the host, port and database in the location are right, and"
                + " that the user may connect"
            : "Check that the directory of the database file exists and is writable, and that no"
                + " other process holds the file open (an embedded H2 file is used by one process"
                + " at a time)";
    return "cannot open the store at "
        + location.display()
        + " after "
        + options.connectAttempts()
        + " attempt(s): "
        + rootMessage(last)
        + ". "
        + how
        + "; the attempts and the pause between them are the store options connectAttempts and"
        + " connectDelayMs.";
  }

  private static String refusal(JdbcLocation location, SQLException e) {
    String hint =
        "3D000".equals(e.getSQLState())
            ? "The database does not exist: create it (createdb NAME, or CREATE DATABASE NAME)"
            : "The user or password is wrong: set the store options user and password, or put"
                + " them in the location (postgresql://USER:PASSWORD@HOST/DB)";
    return "the store at "
        + location.display()
        + " refused the connection: "
        + e.getMessage()
        + ". "
        + hint
        + ".";
  }

  private static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return s;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
