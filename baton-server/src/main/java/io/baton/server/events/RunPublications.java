package io.baton.server.events;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.PublishedEvent;
import io.baton.api.run.RunEvent;
import io.baton.api.spi.RunListener;
import io.baton.api.store.StoreBackend;
import io.baton.engine.Baton;
import io.baton.engine.runtime.HistoryJournal;
import io.baton.server.execution.ExecutionIndex;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Brings the events workflows' {@code event} steps publish onto the bus, in the namespace of the
 * run that published them, with the engine's id ({@code runId/path/attempt}) so that each is
 * published once: there they wake the namespace's waiting runs, start its triggers and feed its
 * correlation rules (the engine leaves waking to the bus: {@code wakeOnPublish(false)}). Works on
 * its own thread, off the runs' decider threads, in publication order.
 */
@Component
class RunPublications implements RunListener, DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(RunPublications.class);
  private static final PublishedEvent STOP = new PublishedEvent("", "", "", "", null, null, null);

  private final EventBus bus;
  private final ExecutionIndex index;
  private final StoreBackend store;
  private final LinkedBlockingQueue<PublishedEvent> queue = new LinkedBlockingQueue<>();

  RunPublications(EventBus bus, ExecutionIndex index, StoreBackend store, Baton baton) {
    this.bus = bus;
    this.index = index;
    this.store = store;
    Thread.ofVirtual().name("baton-run-publications").start(this::drain);
    baton.addListener(this);
  }

  @Override
  public void onEvent(JournalEntry entry) {}

  @Override
  public void onPublished(PublishedEvent event) {
    queue.add(event);
  }

  private void drain() {
    while (true) {
      PublishedEvent event;
      try {
        event = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (event == STOP) {
        return;
      }
      try {
        publish(event);
      } catch (RuntimeException e) {
        LOG.warn("event {} of run {} did not reach the bus", event.type(), event.runId(), e);
      }
    }
  }

  private void publish(PublishedEvent event) {
    Optional<String> namespace = namespaceOf(event.runId(), 0);
    if (namespace.isEmpty()) {
      LOG.warn(
          "event {} of run {}: the run belongs to no namespace; not published",
          event.type(),
          event.runId());
      return;
    }
    bus.publish(
        namespace.get(),
        event.id(),
        new EventBus.Draft(
            event.type(),
            "run:" + event.runId(),
            event.runId(),
            event.correlationKey(),
            event.data()));
  }

  /**
   * The run's namespace from the index; for a child or fork the index may not have it yet, so the
   * journal's start names its parent.
   */
  private Optional<String> namespaceOf(String runId, int depth) {
    Optional<ExecutionIndex.Entry> entry = index.find(runId);
    if (entry.isPresent() || depth > 20) {
      return entry.map(ExecutionIndex.Entry::namespace);
    }
    List<JournalEntry> journal = HistoryJournal.of(store).read(runId, 0);
    if (!journal.isEmpty() && journal.getFirst().event() instanceof RunEvent.RunStarted s) {
      String parent = s.parentRunId() != null ? s.parentRunId() : s.forkOf();
      if (parent != null) {
        return namespaceOf(parent, depth + 1);
      }
    }
    return Optional.empty();
  }

  @Override
  public void destroy() {
    queue.add(STOP);
  }
}
