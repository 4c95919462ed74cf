package io.baton.store;

import io.baton.api.store.StoreBackend;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.store.jdbc.JdbcStoreOptions;

/** Compaction and large values on the machine's PostgreSQL, in a database created for each test. */
class PostgresStoreDurabilityTest extends StoreDurabilityTest {
  private PostgresTestDatabase database;

  @Override
  protected StoreBackend open() {
    if (database == null) {
      database = PostgresTestDatabase.create();
    }
    return JdbcStoreBackend.open(database.location(), JdbcStoreOptions.DEFAULTS);
  }

  @Override
  protected void dispose() {
    if (database != null) {
      database.close();
    }
  }

  /** Fewer rounds than in memory: the loop's cost is its writes, and the bound is the same. */
  @Override
  protected int longLoopRounds() {
    return 1_000;
  }
}
