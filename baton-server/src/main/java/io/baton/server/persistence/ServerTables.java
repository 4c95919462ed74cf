package io.baton.server.persistence;

import javax.sql.DataSource;

/**
 * Where the server's tables are: the pool the server opened (and closes) and whether it reaches the
 * runs' own database.
 *
 * @param dataSource the server's pool
 * @param withStore whether it reaches the database of the runs' store
 * @param rowsInRunCommits whether a run's start carries the server's rows of it (index row, audit
 *     entry) into the store's commit of the run's record: on PostgreSQL. Not on H2, whose store
 *     commits on one thread for every run — the rows that request threads inserted side by side
 *     would queue there, and W6 measured H2 slower with them (docs/benchmarks.md)
 */
public record ServerTables(DataSource dataSource, boolean withStore, boolean rowsInRunCommits)
    implements AutoCloseable {

  @Override
  public void close() throws Exception {
    if (dataSource instanceof AutoCloseable pool) {
      pool.close();
    }
  }
}
