package io.baton.engine.store;

import io.baton.api.store.DefinitionStore;
import io.baton.api.store.Journal;
import io.baton.api.store.RunStore;
import io.baton.api.store.SnapshotStore;
import io.baton.api.store.StoreBackend;
import io.baton.api.store.TimerStore;
import io.baton.api.store.ValueStore;
import io.baton.api.store.WaitStore;

/**
 * A {@link StoreBackend} put together from separate stores (tests mix in-memory stores with
 * instrumented ones).
 */
public record StoreSet(
    Journal journal,
    RunStore runs,
    TimerStore timers,
    WaitStore waits,
    DefinitionStore definitions,
    SnapshotStore snapshots,
    ValueStore values,
    String describe)
    implements StoreBackend {

  /** A fresh set of in-memory stores: for tests, benchmarks and runs that need not be durable. */
  public static StoreSet inMemory() {
    return new StoreSet(
        new InMemoryJournal(),
        new InMemoryRunStore(),
        new InMemoryTimerStore(),
        new InMemoryWaitStore(),
        new InMemoryDefinitionStore(),
        new InMemorySnapshotStore(),
        new StoredValues(new InMemoryValueStore()),
        "mem:");
  }
}
