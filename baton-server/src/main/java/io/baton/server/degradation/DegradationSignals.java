package io.baton.server.degradation;

import java.util.ArrayList;
import java.util.List;

/**
 * What the automatic level is decided from, gathered at one evaluation.
 *
 * @param storeProblem why the run store cannot take more work (its pool is exhausted, it does not
 *     answer), or null when it can
 * @param openCircuits the model providers whose circuit breaker is open (or half-open)
 * @param providers how many model providers are configured (the offline model excluded)
 * @param queued ready steps waiting for an executor
 * @param queueLimit the backlog above which new work is refused
 */
public record DegradationSignals(
    String storeProblem, List<String> openCircuits, int providers, long queued, long queueLimit) {

  /** Compact constructor: copies the list. */
  public DegradationSignals {
    openCircuits = List.copyOf(openCircuits);
  }

  /** The level these signals call for. */
  public DegradationLevel level() {
    if (providers > 0 && openCircuits.size() >= providers) {
      return DegradationLevel.ORCHESTRATION_ONLY;
    }
    if (storeProblem != null || queued > queueLimit) {
      return DegradationLevel.READ_ONLY;
    }
    return openCircuits.isEmpty() ? DegradationLevel.NORMAL : DegradationLevel.BACKUP_MODELS;
  }

  /** Why, one sentence per signal that is not normal. */
  public List<String> reasons() {
    List<String> reasons = new ArrayList<>();
    if (storeProblem != null) {
      reasons.add(storeProblem);
    }
    if (queued > queueLimit) {
      reasons.add(queued + " ready steps wait for an executor (limit " + queueLimit + ")");
    }
    if (!openCircuits.isEmpty()) {
      reasons.add(
          "the circuit of "
              + openCircuits.size()
              + " of "
              + providers
              + " model provider(s) is open: "
              + String.join(", ", openCircuits));
    }
    return reasons;
  }
}
