package io.baton.store;

import io.baton.api.store.StoreBackend;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.store.jdbc.JdbcStoreOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an H2 file database in a fresh directory for each test. */
class H2StoreContractTest extends JdbcStoreContractTest {
  @TempDir Path dir;

  @Override
  protected String location() {
    return "h2:" + dir.resolve("baton");
  }

  @Override
  protected StoreBackend openReadOnly() {
    // H2's own read-only mode: every write fails as on a read-only file system
    return JdbcStoreBackend.open(
        "jdbc:h2:file:" + dir.resolve("baton") + ";ACCESS_MODE_DATA=r", JdbcStoreOptions.DEFAULTS);
  }
}
