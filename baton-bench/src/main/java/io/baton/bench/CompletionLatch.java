package io.baton.bench;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.spi.RunListener;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Counts runs to their end from the engine's event stream, checking each one's outputs. Used where
 * awaiting each run's handle would cost more than the run (W4): the handle of a run that has
 * already ended and left memory is answered by reloading the run from its journal.
 */
final class CompletionLatch implements RunListener {
  private final CountDownLatch remaining;
  private final Object expected;
  private final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();

  /** A latch for {@code runs} runs that must each complete with {@code expected}. */
  CompletionLatch(int runs, Object expected) {
    this.remaining = new CountDownLatch(runs);
    this.expected = expected;
  }

  @Override
  public void onEvent(JournalEntry entry) {
    switch (entry.event()) {
      case RunEvent.RunCompleted c -> {
        if (!expected.equals(c.outputs())) {
          wrong.add(entry.runId() + " output " + c.outputs());
        }
        remaining.countDown();
      }
      case RunEvent.RunFailed f -> end(entry, "failed: " + f.failure());
      case RunEvent.RunCancelled c -> end(entry, "cancelled: " + c.reason());
      case RunEvent.RunTimedOut t -> end(entry, "timed out");
      default -> {}
    }
  }

  private void end(JournalEntry entry, String how) {
    wrong.add(entry.runId() + " " + how);
    remaining.countDown();
  }

  /**
   * Waits for every run to end, then checks them all.
   *
   * @throws WrongResultException when not all ended in time, or one ended otherwise than expected
   */
  void await(String workload, Duration timeout) throws InterruptedException {
    if (!remaining.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new WrongResultException(
          workload, "every run to end within " + timeout, remaining.getCount() + " still running");
    }
    if (!wrong.isEmpty()) {
      throw new WrongResultException(
          workload,
          "every run to output " + expected,
          wrong.size() + " that did not, e.g. " + wrong.peek());
    }
  }
}
