package io.baton.cli.progress;

import io.baton.api.run.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The details printed after a step's name: its type, attempt (from the second), duration and a note
 * (what it waits for, why it failed or was skipped, when it is retried).
 */
final class StepDetails {
  private StepDetails() {}

  /** The details of {@code node} at time {@code now}, joined by {@code " · "}. */
  static String of(StepNode node, Instant now) {
    List<String> parts = new ArrayList<>();
    parts.add(node.type());
    if (node.attempt() > 1 || node.isRetrying()) {
      parts.add("attempt " + node.attempt());
    }
    Duration elapsed = node.elapsed(now);
    // A step that has just started has no duration worth printing; one that waits shows what for.
    boolean shown = node.status().isTerminal() || node.status() == StepStatus.RUNNING;
    if (elapsed != null
        && shown
        && (node.status().isTerminal() || !elapsed.isZero())
        && !node.isRetrying()) {
      parts.add(DurationText.format(elapsed));
    }
    if (node.isRetrying()) {
      Duration in = Duration.between(now, node.retryAt());
      parts.add("retry in " + DurationText.format(in.isNegative() ? Duration.ZERO : in));
    }
    if (node.note() != null && !node.note().isBlank() && node.status() != StepStatus.COMPLETED) {
      parts.add(node.note());
    }
    return String.join(" · ", parts);
  }
}
