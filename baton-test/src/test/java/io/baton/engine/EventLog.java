package io.baton.engine;

import static org.assertj.core.api.Assertions.fail;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.spi.RunListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Records every journaled event of an engine, and lets a test wait (on a monitor, never sleeping)
 * until an event it expects has been journaled.
 */
final class EventLog implements RunListener {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final List<JournalEntry> entries = new ArrayList<>();

  @Override
  public synchronized void onEvent(JournalEntry entry) {
    entries.add(entry);
    notifyAll();
  }

  /** How many events have been recorded, over all runs. */
  synchronized int size() {
    return entries.size();
  }

  /** The events of run {@code runId}, in journal order. */
  synchronized List<RunEvent> events(String runId) {
    return entries.stream().filter(e -> e.runId().equals(runId)).map(JournalEntry::event).toList();
  }

  /** The events of run {@code runId} of type {@code type}, in journal order. */
  <T extends RunEvent> List<T> events(String runId, Class<T> type) {
    return events(runId).stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The simple names of run {@code runId}'s events whose path is {@code path}, in order. */
  List<String> kindsFor(String runId, String path) {
    return events(runId).stream()
        .filter(e -> path.equals(pathOf(e)))
        .map(e -> e.getClass().getSimpleName())
        .toList();
  }

  /** Waits until an event of {@code type} matching {@code test} is journaled for {@code runId}. */
  <T extends RunEvent> T await(String runId, Class<T> type, Predicate<T> test) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    synchronized (this) {
      while (true) {
        for (JournalEntry e : entries) {
          if (e.runId().equals(runId)
              && type.isInstance(e.event())
              && test.test(type.cast(e.event()))) {
            return type.cast(e.event());
          }
        }
        waitUntil(deadline, "a " + type.getSimpleName() + " of run " + runId);
      }
    }
  }

  /** Waits until more than {@code seen} events are recorded; false when {@code deadline} passed. */
  synchronized boolean awaitMore(int seen, long deadline) {
    while (entries.size() <= seen) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Runs that failed because of an engine bug (a crash of their decider). */
  synchronized List<JournalEntry> engineCrashes() {
    return entries.stream()
        .filter(
            e ->
                e.event() instanceof RunEvent.RunFailed f
                    && f.failure() != null
                    && f.failure().message().contains("internal error"))
        .toList();
  }

  private void waitUntil(long deadline, String what) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      fail("timed out waiting for " + what + "; journal so far: " + entries);
    }
    try {
      wait(Math.max(1, left / 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted waiting for " + what);
    }
  }

  static String pathOf(RunEvent event) {
    return switch (event) {
      case RunEvent.StepScheduled e -> e.path();
      case RunEvent.StepStarted e -> e.path();
      case RunEvent.StepCompleted e -> e.path();
      case RunEvent.StepFailed e -> e.path();
      case RunEvent.StepSkipped e -> e.path();
      case RunEvent.StepCancelled e -> e.path();
      case RunEvent.StepWaiting e -> e.path();
      case RunEvent.WaitResolved e -> e.path();
      case RunEvent.ScopeOpened e -> e.path();
      default -> null;
    };
  }
}
