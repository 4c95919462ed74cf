package io.baton.api.spi;

import io.baton.api.run.JournalEntry;

/**
 * Observes runs: every journaled event, and the transient events steps emit. Called on the run's
 * decider thread after the event is durable, so it must be quick; hand heavy work to another
 * thread.
 */
public interface RunListener {

  /** A journaled event of a run. */
  void onEvent(JournalEntry entry);

  /** A transient event emitted by a step (progress, streamed tokens, log lines). */
  default void onStepEmit(String runId, String path, String type, Object data) {}
}
