package io.baton.cli.progress;

import io.baton.api.run.RunEvent;
import io.baton.api.run.StepStatus;
import io.baton.api.run.WaitKind;
import java.util.Map;
import java.util.function.Function;

/** Folds the step events of a journal into {@link StepNode}s: one case per event, in one place. */
final class StepEvents {
  private StepEvents() {}

  /**
   * Applies {@code event} to the node it names.
   *
   * @param nodes finds or creates the node of a run path
   * @return the node changed, or null for events that name no step
   */
  static StepNode apply(RunEvent event, Function<String, StepNode> nodes) {
    return switch (event) {
      case RunEvent.StepScheduled e -> scheduled(nodes.apply(e.path()), e.attempt());
      case RunEvent.StepStarted e -> started(nodes.apply(e.path()), e);
      case RunEvent.StepCompleted e -> ended(nodes.apply(e.path()), StepStatus.COMPLETED, e.at());
      case RunEvent.StepFailed e -> failed(nodes.apply(e.path()), e);
      case RunEvent.StepSkipped e -> noted(nodes.apply(e.path()), StepStatus.SKIPPED, e.reason());
      case RunEvent.StepCancelled e -> cancelled(nodes.apply(e.path()), e);
      case RunEvent.StepWaiting e -> waiting(nodes.apply(e.path()), e);
      case RunEvent.WaitResolved e -> resolved(nodes.apply(e.path()));
      default -> null;
    };
  }

  private static StepNode scheduled(StepNode n, int attempt) {
    n.status = StepStatus.READY;
    n.attempt = attempt;
    n.retryAt = null; // a retry that is scheduled is no longer pending
    n.note = null;
    return n;
  }

  private static StepNode started(StepNode n, RunEvent.StepStarted e) {
    n.status = StepStatus.RUNNING;
    n.attempt = e.attempt();
    n.startedAt = e.at();
    n.endedAt = null;
    n.retryAt = null;
    n.waitKind = null;
    n.note = null;
    return n;
  }

  private static StepNode ended(StepNode n, StepStatus status, java.time.Instant at) {
    n.status = status;
    n.endedAt = at;
    n.retryAt = null;
    n.waitKind = null;
    return n;
  }

  private static StepNode failed(StepNode n, RunEvent.StepFailed e) {
    n.failure = e.failure();
    n.note = e.failure().kind().wireName() + ": " + e.failure().message();
    if (e.retryAt() != null) {
      n.status = StepStatus.PENDING;
      n.retryAt = e.retryAt();
      n.endedAt = e.at();
      return n;
    }
    return ended(n, StepStatus.FAILED, e.at());
  }

  private static StepNode cancelled(StepNode n, RunEvent.StepCancelled e) {
    ended(n, StepStatus.CANCELLED, e.at());
    n.note = e.reason();
    return n;
  }

  private static StepNode noted(StepNode n, StepStatus status, String note) {
    n.status = status;
    n.note = note;
    return n;
  }

  private static StepNode waiting(StepNode n, RunEvent.StepWaiting e) {
    n.status = StepStatus.WAITING;
    n.waitKind = e.kind();
    n.note = waitNote(e.kind(), e.details());
    return n;
  }

  /**
   * The wait is over; the step's completion (or failure) follows at once. Showing it as running in
   * between would only add a line.
   */
  private static StepNode resolved(StepNode n) {
    return null;
  }

  private static String waitNote(WaitKind kind, Map<String, Object> details) {
    return switch (kind) {
      case TIMER ->
          details.containsKey("duration")
              ? "timer "
                  + DurationText.format(java.time.Duration.parse((String) details.get("duration")))
              : "until " + details.get("until");
      case EVENT -> "event " + details.get("event") + keyNote(details.get("correlationKey"));
      case HUMAN -> "input: " + details.get("prompt");
      case CHILD_RUN -> "subworkflow " + details.get("workflow");
    };
  }

  private static String keyNote(Object key) {
    return key == null ? "" : " (key " + key + ")";
  }
}
