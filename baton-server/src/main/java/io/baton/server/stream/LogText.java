package io.baton.server.stream;

import io.baton.api.run.RunEvent;

/** A line of text for the journal events the stream reports as {@code log} messages. */
final class LogText {
  private LogText() {}

  static String of(RunEvent event) {
    return switch (event) {
      case RunEvent.StepScheduled e ->
          "step " + e.path() + " scheduled (attempt " + e.attempt() + ")";
      case RunEvent.StepSkipped e -> "step " + e.path() + " skipped: " + e.reason();
      case RunEvent.StepCancelled e -> "step " + e.path() + " cancelled: " + e.reason();
      case RunEvent.StepWaiting e ->
          "step " + e.path() + " waits for " + e.kind().name().toLowerCase(java.util.Locale.ROOT);
      case RunEvent.WaitResolved e -> "step " + e.path() + " received its input from " + e.by();
      case RunEvent.ScopeOpened e -> "step " + e.path() + " opened " + e.key();
      case RunEvent.RunResumed e -> "resumed by " + e.by();
      case RunEvent.RunRetried e -> "retried by " + e.by() + " from " + e.paths();
      default -> event.getClass().getSimpleName();
    };
  }
}
