package io.baton.server.observability;

import java.time.Duration;
import java.util.List;

/**
 * A rule over the server's figures: raise an alert of {@code severity} when {@code measure} stays
 * above (or below) {@code threshold} for {@code sustained}. The defaults are seed 002's.
 *
 * @param id a stable id ({@code a-z}, digits and {@code -})
 * @param severity {@code P1} (most urgent) to {@code P4}
 * @param measure what is compared
 * @param condition whether the alert is for values above or below the threshold
 * @param threshold the limit
 * @param sustained how long the limit must be passed before the alert is raised (zero: at once)
 * @param description what the alert means
 */
public record AlertRule(
    String id,
    String severity,
    Measure measure,
    Condition condition,
    double threshold,
    Duration sustained,
    String description) {

  /** What a rule measures. */
  public enum Measure {
    /** The share of runs that failed over the last five minutes. */
    ERROR_RATE,
    /** The mean step duration over the last minute, in seconds. */
    STEP_LATENCY_SECONDS,
    /** Ready steps waiting for an executor. */
    QUEUE_BACKLOG,
    /** Used heap over the maximum heap. */
    MEMORY_USAGE
  }

  /** Which side of the threshold raises the alert. */
  public enum Condition {
    /** Values above the threshold. */
    ABOVE,
    /** Values below the threshold. */
    BELOW;

    /** Whether {@code value} breaches {@code threshold}. */
    public boolean breached(double value, double threshold) {
      return this == ABOVE ? value > threshold : value < threshold;
    }
  }

  /** Seed 002's rules: error rate, latency, backlog, memory. */
  public static List<AlertRule> defaults() {
    return List.of(
        new AlertRule(
            "error-rate",
            "P1",
            Measure.ERROR_RATE,
            Condition.ABOVE,
            0.05,
            Duration.ofMinutes(5),
            "more than 5 % of runs failed, for 5 minutes"),
        new AlertRule(
            "latency",
            "P2",
            Measure.STEP_LATENCY_SECONDS,
            Condition.ABOVE,
            2.0,
            Duration.ofMinutes(10),
            "steps took more than 2 s on average, for 10 minutes"),
        new AlertRule(
            "queue-backlog",
            "P2",
            Measure.QUEUE_BACKLOG,
            Condition.ABOVE,
            1000,
            Duration.ZERO,
            "more than 1000 ready steps wait for an executor"),
        new AlertRule(
            "memory",
            "P3",
            Measure.MEMORY_USAGE,
            Condition.ABOVE,
            0.85,
            Duration.ZERO,
            "more than 85 % of the heap is used"));
  }
}
