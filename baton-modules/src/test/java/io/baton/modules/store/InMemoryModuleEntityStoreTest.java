package io.baton.modules.store;

class InMemoryModuleEntityStoreTest extends ModuleEntityStoreContract {
  @Override
  protected ModuleEntityStore store() {
    return new InMemoryModuleEntityStore(clock);
  }
}
