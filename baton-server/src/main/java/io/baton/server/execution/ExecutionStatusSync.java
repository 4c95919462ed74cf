package io.baton.server.execution;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.spi.RunListener;
import io.baton.api.store.RunRecord;
import io.baton.api.store.StoreBackend;
import io.baton.engine.Baton;
import io.baton.server.events.EventBus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps the execution index in step with the engine: indexes runs the engine starts by itself
 * (subworkflow children, forks) in their parent's namespace, and copies each run's status from the
 * run store after the events that can change it. Works on its own thread, off the runs' decider
 * threads, coalescing bursts of events of the same run.
 */
@Component
public class ExecutionStatusSync implements RunListener, DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionStatusSync.class);
  private static final Change STOP = new Change("", null, null);

  private final ExecutionIndex index;
  private final StoreBackend store;
  private final EventBus events;
  private final LinkedBlockingQueue<Change> changes = new LinkedBlockingQueue<>();
  private final Thread worker;

  private record Change(String runId, RunEvent.RunStarted started, Instant at) {}

  ExecutionStatusSync(ExecutionIndex index, StoreBackend store, Baton baton, EventBus events) {
    this.index = index;
    this.store = store;
    this.events = events;
    this.worker = Thread.ofVirtual().name("baton-index-sync").start(this::drain);
    baton.addListener(this);
  }

  @Override
  public void onEvent(JournalEntry entry) {
    RunEvent event = entry.event();
    if (event instanceof RunEvent.RunStarted started) {
      changes.add(new Change(entry.runId(), started, started.at()));
    } else if (RunEvent.stepPath(event) == null
        || event instanceof RunEvent.StepWaiting
        || event instanceof RunEvent.WaitResolved
        || event instanceof RunEvent.StepStarted) {
      changes.add(new Change(entry.runId(), null, event.at()));
    }
  }

  private void drain() {
    while (true) {
      try {
        Map<String, Change> batch = new LinkedHashMap<>();
        Change first = changes.take();
        if (first == STOP) {
          return;
        }
        batch.put(first.runId(), first);
        Change next;
        while ((next = changes.poll()) != null && next != STOP) {
          batch.merge(next.runId(), next, (a, b) -> a.started() != null ? a : b);
        }
        batch.values().forEach(this::apply);
        if (next == STOP) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("execution index sync failed; it goes on with the next events", e);
      }
    }
  }

  private void apply(Change change) {
    if (change.started() != null) {
      indexChild(change);
    }
    var entry = index.find(change.runId());
    var status = store.runs().find(change.runId()).map(RunRecord::status);
    if (entry.isEmpty() || status.isEmpty() || entry.get().status() == status.get()) {
      return;
    }
    index.setStatus(change.runId(), status.get());
    // the run's life on the event bus: run.running, run.waiting, run.completed, run.failed, …
    events.publish(
        entry.get().namespace(),
        new EventBus.Draft(
            "run." + status.get().name().toLowerCase(java.util.Locale.ROOT),
            "engine",
            change.runId(),
            null,
            java.util.Map.of(
                "workflowId", entry.get().workflowId(),
                "workflowVersion", entry.get().workflowVersion(),
                "status", status.get().name())));
  }

  private void indexChild(Change change) {
    RunEvent.RunStarted started = change.started();
    String parent = started.parentRunId() != null ? started.parentRunId() : started.forkOf();
    if (parent == null || index.find(change.runId()).isPresent()) {
      return;
    }
    index
        .find(parent)
        .ifPresent(
            p ->
                index.add(
                    new ExecutionIndex.Entry(
                        change.runId(),
                        p.namespace(),
                        started.workflowId(),
                        started.workflowVersion(),
                        io.baton.api.run.RunStatus.RUNNING,
                        p.createdBy(),
                        change.at())));
  }

  @Override
  public void destroy() {
    changes.add(STOP);
  }
}
