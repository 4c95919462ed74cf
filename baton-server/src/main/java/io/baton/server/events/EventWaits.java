package io.baton.server.events;

import io.baton.api.store.StoreBackend;
import io.baton.api.store.WaitRecord;
import io.baton.engine.Baton;
import io.baton.server.execution.ExecutionIndex;
import org.springframework.stereotype.Component;

/**
 * Wakes the runs waiting for an event — {@code wait} steps with {@code event} and, when they have
 * one, the event's correlation key — within the event's namespace only: the engine indexes waits
 * for every run, the server keeps namespaces apart.
 */
@Component
class EventWaits {
  private final StoreBackend store;
  private final ExecutionIndex index;
  private final Baton baton;

  EventWaits(StoreBackend store, ExecutionIndex index, Baton baton) {
    this.store = store;
    this.index = index;
    this.baton = baton;
  }

  /** Delivers {@code event}'s data to the waiting runs of its namespace → how many took it. */
  int wake(SystemEvent event) {
    int delivered = 0;
    for (WaitRecord wait : store.waits().findByEvent(event.type(), event.correlationId())) {
      boolean ours =
          index.find(wait.runId()).map(e -> e.namespace().equals(event.namespace())).orElse(false);
      if (ours && baton.submitInput(wait.waitId(), event.data(), "event " + event.id())) {
        delivered++;
      }
    }
    return delivered;
  }
}
