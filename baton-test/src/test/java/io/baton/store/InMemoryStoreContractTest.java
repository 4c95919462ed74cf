package io.baton.store;

import io.baton.api.store.StoreBackend;
import io.baton.engine.store.StoreSet;

/** The store contract on the in-memory stores. */
class InMemoryStoreContractTest extends StoreContractTest {
  @Override
  protected StoreBackend open() {
    return StoreSet.inMemory();
  }
}
