package io.baton.engine.store;

import io.baton.api.store.StoreBackend;
import io.baton.api.store.StoreProvider;
import java.util.Map;

/** {@code mem:}: a fresh set of in-memory stores. */
public final class InMemoryStoreProvider implements StoreProvider {
  @Override
  public boolean supports(String location) {
    return location.equals("mem:") || location.equals("memory");
  }

  @Override
  public StoreBackend open(String location, Map<String, String> options) {
    return StoreSet.inMemory();
  }
}
