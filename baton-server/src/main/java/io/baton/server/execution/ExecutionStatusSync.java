package io.baton.server.execution;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.spi.RunListener;
import io.baton.api.store.RunRecord;
import io.baton.api.store.StoreBackend;
import io.baton.engine.Baton;
import io.baton.server.events.EventBus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps the execution index in step with the engine: indexes runs the engine starts by itself
 * (subworkflow children, forks) in their parent's namespace, and records each run's status after
 * the events that can change it. Works on its own thread, off the runs' decider threads, coalescing
 * bursts of events of the same run and committing a burst's status changes in one transaction.
 *
 * <p>The status follows from the event where the event decides it (a run started, paused or ended;
 * a step started in a running run); only after the others (a step waiting, a wait resolved, a run
 * resumed or retried: running or waiting depends on the other steps) is it read from the run store.
 * The index entries of the runs seen last are kept, so that a run's events cost no read of the
 * index either: a 3-step run's five events used to cost ten reads.
 */
@Component
public class ExecutionStatusSync implements RunListener, DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionStatusSync.class);
  private static final Change STOP = new Change("", null, null);
  private static final int TRACKED = 10_000;

  private final ExecutionIndex index;
  private final StoreBackend store;
  private final EventBus events;
  private final LinkedBlockingQueue<Change> changes = new LinkedBlockingQueue<>();
  private final Thread worker;

  /** Index entries as last synchronised, of the runs seen last; the worker's alone. */
  private final Map<String, ExecutionIndex.Entry> tracked =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ExecutionIndex.Entry> eldest) {
          return size() > TRACKED;
        }
      };

  /**
   * A run's events since the worker last looked at it.
   *
   * @param started its {@code RunStarted}, if among them
   * @param latest the last of them
   */
  private record Change(String runId, RunEvent.RunStarted started, RunEvent latest) {}

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
      changes.add(new Change(entry.runId(), started, started));
    } else if (RunEvent.stepPath(event) == null
        || event instanceof RunEvent.StepWaiting
        || event instanceof RunEvent.WaitResolved
        || event instanceof RunEvent.StepStarted) {
      changes.add(new Change(entry.runId(), null, event));
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
          batch.merge(
              next.runId(),
              next,
              (a, b) ->
                  new Change(
                      a.runId(), a.started() != null ? a.started() : b.started(), b.latest()));
        }
        apply(batch.values());
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

  private void apply(Collection<Change> batch) {
    List<ExecutionIndex.Entry> changed = new ArrayList<>();
    for (Change change : batch) {
      if (change.started() != null) {
        indexChild(change);
      }
      ExecutionIndex.Entry entry = entry(change.runId());
      if (entry == null) {
        continue;
      }
      RunStatus status = statusAfter(change.latest(), entry.status());
      if (status == null) {
        status = store.runs().find(change.runId()).map(RunRecord::status).orElse(null);
      }
      if (status == null || status == entry.status()) {
        continue;
      }
      changed.add(entry.withStatus(status));
    }
    if (changed.isEmpty()) {
      return;
    }
    try {
      index.setStatuses(changed);
    } catch (RuntimeException e) {
      changed.forEach(now -> tracked.remove(now.runId())); // the index kept what it had
      throw e;
    }
    for (ExecutionIndex.Entry now : changed) {
      if (now.status().isTerminal()) {
        tracked.remove(now.runId());
      } else {
        tracked.put(now.runId(), now);
      }
    }
    // the runs' lives on the event bus: run.running, run.waiting, run.completed, run.failed, …
    publish(changed.stream().map(ExecutionStatusSync::lifeEvent).toList());
  }

  /**
   * Publishes a burst's status events in one transaction; when that fails, one by one, so that an
   * event that cannot be stored costs the others nothing.
   */
  private void publish(List<EventBus.Addressed> burst) {
    try {
      events.publishAll(burst);
    } catch (RuntimeException together) {
      for (EventBus.Addressed event : burst) {
        try {
          events.publish(event.namespace(), event.draft());
        } catch (RuntimeException alone) {
          LOG.warn(
              "status event {} of run {} did not reach the bus",
              event.draft().type(),
              event.draft().subject(),
              alone);
        }
      }
    }
  }

  private static EventBus.Addressed lifeEvent(ExecutionIndex.Entry entry) {
    return new EventBus.Addressed(
        entry.namespace(),
        new EventBus.Draft(
            "run." + entry.status().name().toLowerCase(java.util.Locale.ROOT),
            "engine",
            entry.runId(),
            null,
            Map.of(
                "workflowId", entry.workflowId(),
                "workflowVersion", entry.workflowVersion(),
                "status", entry.status().name())));
  }

  private ExecutionIndex.Entry entry(String runId) {
    ExecutionIndex.Entry entry = tracked.get(runId);
    if (entry == null) {
      entry = index.find(runId).orElse(null);
      if (entry != null && !entry.status().isTerminal()) {
        tracked.put(runId, entry);
      }
    }
    return entry;
  }

  /**
   * The run's status after {@code event}, when the event decides it; null when it depends on the
   * run's other steps and the run store must say.
   */
  static RunStatus statusAfter(RunEvent event, RunStatus before) {
    return switch (event) {
      case RunEvent.RunStarted e -> RunStatus.RUNNING;
      case RunEvent.StepStarted e when before == RunStatus.RUNNING -> RunStatus.RUNNING;
      case RunEvent.RunPaused e -> RunStatus.PAUSED;
      case RunEvent.RunCompleted e -> RunStatus.COMPLETED;
      case RunEvent.RunFailed e -> RunStatus.FAILED;
      case RunEvent.RunCancelled e -> RunStatus.CANCELLED;
      case RunEvent.RunTimedOut e -> RunStatus.TIMED_OUT;
      default -> null;
    };
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
                        RunStatus.RUNNING,
                        p.createdBy(),
                        started.at())));
  }

  @Override
  public void destroy() {
    changes.add(STOP);
  }
}
