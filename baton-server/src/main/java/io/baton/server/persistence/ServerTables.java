package io.baton.server.persistence;

import javax.sql.DataSource;

/**
 * The data source of the server's tables and whether the server opened it (then closes it) or
 * shares the store's (which the store closes).
 *
 * @param dataSource where the {@code srv_} tables are
 * @param owned whether closing this closes the pool
 */
public record ServerTables(DataSource dataSource, boolean owned) implements AutoCloseable {

  static ServerTables owned(DataSource dataSource) {
    return new ServerTables(dataSource, true);
  }

  static ServerTables shared(DataSource dataSource) {
    return new ServerTables(dataSource, false);
  }

  /** Whether the tables share the runs' database. */
  public boolean sharesStore() {
    return !owned;
  }

  @Override
  public void close() throws Exception {
    if (owned && dataSource instanceof AutoCloseable pool) {
      pool.close();
    }
  }
}
