package io.baton.store;

import io.baton.api.store.StoreBackend;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.store.jdbc.JdbcStoreOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Compaction and large values on an H2 file database in a fresh directory for each test. */
class H2StoreDurabilityTest extends StoreDurabilityTest {
  @TempDir Path dir;

  @Override
  protected StoreBackend open() {
    return JdbcStoreBackend.open("h2:" + dir.resolve("baton"), JdbcStoreOptions.DEFAULTS);
  }

  /** Fewer rounds than in memory: the loop's cost is its writes, and the bound is the same. */
  @Override
  protected int longLoopRounds() {
    return 1_000;
  }
}
