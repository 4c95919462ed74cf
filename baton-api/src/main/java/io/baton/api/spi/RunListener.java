package io.baton.api.spi;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.PublishedEvent;

/**
 * Observes runs: every journaled event, the transient events steps emit, and the events {@code
 * event} steps publish. Called on the run's decider thread after the event is durable, so it must
 * be quick; hand heavy work to another thread.
 */
public interface RunListener {

  /** A journaled event of a run. */
  void onEvent(JournalEntry entry);

  /** A transient event emitted by a step (progress, streamed tokens, log lines). */
  default void onStepEmit(String runId, String path, String type, Object data) {}

  /**
   * An event an {@code event} step published, after the engine woke the runs waiting for it: the
   * hook through which an application's event bus receives the events of workflows.
   */
  default void onPublished(PublishedEvent event) {}
}
