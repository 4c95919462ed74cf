package io.baton.store;

import io.baton.api.store.StoreBackend;
import io.baton.engine.store.StoreSet;

/** Compaction and large values on the in-memory stores (a restart keeps the same stores). */
class InMemoryStoreDurabilityTest extends StoreDurabilityTest {
  private final StoreSet stores = StoreSet.inMemory();

  @Override
  protected StoreBackend open() {
    return stores;
  }
}
