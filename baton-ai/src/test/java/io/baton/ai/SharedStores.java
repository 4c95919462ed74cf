package io.baton.ai;

import io.baton.engine.Baton;
import io.baton.engine.BatonBuilder;
import io.baton.engine.store.InMemoryDefinitionStore;
import io.baton.engine.store.InMemoryJournal;
import io.baton.engine.store.InMemoryRunStore;
import io.baton.engine.store.InMemoryTimerStore;
import io.baton.engine.store.InMemoryWaitStore;
import io.baton.test.FakeClock;
import io.baton.test.SequentialIds;

/**
 * In-memory engine stores that successive engines share, as a restarted process shares its
 * database: what the crash tests start a second engine on.
 */
public final class SharedStores {
  public final InMemoryJournal journal = new InMemoryJournal();
  public final InMemoryRunStore runs = new InMemoryRunStore();
  public final InMemoryTimerStore timers = new InMemoryTimerStore();
  public final InMemoryWaitStore waits = new InMemoryWaitStore();
  public final InMemoryDefinitionStore definitions = new InMemoryDefinitionStore();

  /** An engine builder on these stores, the clock and sequential ids. */
  public BatonBuilder builder(FakeClock clock) {
    return Baton.builder()
        .clock(clock)
        .ids(new SequentialIds())
        .stores(journal, runs, timers, waits, definitions);
  }
}
