package io.baton.engine.runtime;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.spi.RunListener;
import io.baton.api.store.IndexChange;
import io.baton.api.store.RunCommit;
import io.baton.api.store.RunRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one drain of a run's decider produced, held until it is durable: the events to append, the
 * index updates (waits, timers) and the run's summary — in one transaction when the backend can,
 * else in that order — then, once all of that is stored, the listeners to tell, the handlers
 * waiting for their progress to be durable, the effects that leave the process and the replies to
 * requests.
 *
 * <p>The order is the write-ahead rule: nobody learns of a wait before it can be answered, and
 * nothing leaves the process before the events that call for it are durable. When the store refuses
 * a write, everything stays in the outbox and {@link #commit} can be called again: what was written
 * is not written twice.
 */
final class RunOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(RunOutbox.class);
  private final RuntimeServices rt;
  private final String runId;
  private List<RunEvent> events = new ArrayList<>();
  private final List<Appended> unannounced = new ArrayList<>(1);

  /** Side effects, run after the events that call for them are durable. */
  final List<Runnable> effects = new ArrayList<>();

  /** Index updates (waits, timers), written with the events and before anything is announced. */
  final List<IndexChange> index = new ArrayList<>();

  private final List<Runnable> replies = new ArrayList<>();
  private final List<CompletableFuture<Void>> progressAcks = new ArrayList<>();
  private RunRecord record;

  /** How many of the run's events are in the journal: where the next append goes. */
  private long durable;

  RunOutbox(RuntimeServices rt, String runId, RunRecord record, long durable) {
    this.rt = rt;
    this.runId = runId;
    this.record = record;
    this.durable = durable;
  }

  /** An event applied to the run's state, to be appended with the rest of the drain. */
  void event(RunEvent event) {
    events.add(event);
  }

  /** An answer to a request, given once the drain that handled it is durable. */
  void reply(Runnable reply) {
    replies.add(reply);
  }

  /** A handler waiting for the progress it recorded to be durable. */
  void ackWhenDurable(CompletableFuture<Void> ack) {
    progressAcks.add(ack);
  }

  /**
   * Appends the events, writes the index updates and the run's summary with {@code status}: in one
   * transaction when the backend can, otherwise store by store in that order.
   *
   * @throws io.baton.api.store.ConcurrentModificationException when another writer appended first
   * @throws RuntimeException when the store refused a write; calling again resumes where it stopped
   */
  void commit(RunStatus status) {
    RunRecord next =
        record.status() == status
            ? null
            : record.with(status, rt.clock().now(), record.version() + 1);
    if (rt.writes().atomic()) {
      commitAtOnce(next);
    } else {
      commitStoreByStore(next);
    }
  }

  private void commitAtOnce(RunRecord next) {
    RunCommit commit = new RunCommit(runId, durable, events, index, next);
    if (commit.isEmpty()) {
      return;
    }
    rt.writes().commit(commit);
    appended(commit.events());
    index.clear();
    if (next != null) {
      record = next;
    }
  }

  private void commitStoreByStore(RunRecord next) {
    if (!events.isEmpty()) {
      // handed over, not copied: a fresh list takes the next drain's events
      List<RunEvent> events = Collections.unmodifiableList(this.events);
      rt.journal().append(runId, durable, events);
      appended(events);
    }
    while (!index.isEmpty()) {
      rt.writes().apply(index.getFirst());
      index.removeFirst();
    }
    if (next != null) {
      rt.runs().save(next);
      record = next;
    }
  }

  /** The events are in the journal: the next drain appends after them. */
  private void appended(List<RunEvent> appended) {
    if (!appended.isEmpty()) {
      unannounced.add(new Appended(durable, appended));
      durable += appended.size();
      events = new ArrayList<>();
    }
  }

  /** After a commit: tells the listeners, then acknowledges progress, runs effects, replies. */
  void release() {
    for (Appended a : unannounced) {
      announce(a.base(), a.events());
    }
    unannounced.clear();
    progressAcks.forEach(a -> a.complete(null));
    progressAcks.clear();
    runAll(effects);
    runAll(replies);
  }

  /**
   * Another writer appended first: nothing of this drain happens. Requests were not made durable,
   * so their callers time out rather than hear a false yes; handlers waiting on progress hear why.
   */
  void discard(RuntimeException cause) {
    events.clear();
    effects.clear();
    index.clear();
    replies.clear();
    progressAcks.forEach(a -> a.completeExceptionally(cause));
    progressAcks.clear();
  }

  /**
   * After an engine bug: the effects and index updates of the events applied so far are dropped.
   */
  void dropEffects() {
    effects.clear();
    index.clear();
  }

  private void announce(long base, List<RunEvent> appended) {
    List<RunListener> listeners = rt.listeners();
    if (listeners.isEmpty()) {
      return;
    }
    for (int i = 0; i < appended.size(); i++) {
      JournalEntry entry = new JournalEntry(runId, base + i, appended.get(i));
      for (RunListener listener : listeners) {
        try {
          listener.onEvent(entry);
        } catch (RuntimeException e) {
          LOG.warn("run listener {} failed on {}", listener, entry, e);
        }
      }
    }
  }

  private static void runAll(List<Runnable> actions) {
    if (!actions.isEmpty()) {
      List<Runnable> toRun = List.copyOf(actions);
      actions.clear();
      for (Runnable action : toRun) {
        action.run();
      }
    }
  }

  /** Events made durable whose listeners have not been told yet. */
  private record Appended(long base, List<RunEvent> events) {}
}
