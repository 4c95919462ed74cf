package io.baton.server.persistence;

import javax.sql.DataSource;

/**
 * Where the server's tables are: the pool the server opened (and closes) and whether it reaches the
 * runs' own database.
 *
 * @param dataSource the server's pool
 * @param withStore whether it reaches the database of the runs' store
 */
public record ServerTables(DataSource dataSource, boolean withStore) implements AutoCloseable {

  @Override
  public void close() throws Exception {
    if (dataSource instanceof AutoCloseable pool) {
      pool.close();
    }
  }
}
