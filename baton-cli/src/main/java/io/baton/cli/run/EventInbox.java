package io.baton.cli.run;

import io.baton.api.run.JournalEntry;
import io.baton.api.spi.RunListener;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands the journal events of runs from the engine's decider threads to the CLI's main thread. The
 * listener only enqueues — it runs on a run's decider, which must not wait for a terminal — and
 * everything else (drawing, asking, answering) happens on the main thread, in journal order.
 */
public final class EventInbox implements RunListener {
  private final BlockingQueue<JournalEntry> entries = new LinkedBlockingQueue<>();

  @Override
  public void onEvent(JournalEntry entry) {
    entries.add(entry);
  }

  /** The next event, waiting at most {@code timeout}; null when none came. */
  public JournalEntry poll(Duration timeout) throws InterruptedException {
    return entries.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
  }
}
