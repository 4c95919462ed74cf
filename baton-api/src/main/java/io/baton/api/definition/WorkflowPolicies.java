package io.baton.api.definition;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Workflow-wide policies.
 *
 * @param timeout the run's deadline, or null for none
 * @param retry the retry policy of steps that declare none
 * @param maxConcurrency the most steps of one run that run at once (0 = no limit of its own)
 * @param priority the priority of the run's steps unless a step says otherwise
 * @param fallbacks what to do instead of failing, by error kind
 */
public record WorkflowPolicies(
    Duration timeout,
    RetryPolicy retry,
    int maxConcurrency,
    Priority priority,
    List<FallbackAction> fallbacks) {

  /** No timeout, no retries, no limit, medium priority, no fallbacks. */
  public static final WorkflowPolicies DEFAULTS =
      new WorkflowPolicies(null, RetryPolicy.NONE, 0, Priority.DEFAULT, List.of());

  public WorkflowPolicies {
    retry = Objects.requireNonNullElse(retry, RetryPolicy.NONE);
    priority = Objects.requireNonNullElse(priority, Priority.DEFAULT);
    fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
    if (maxConcurrency < 0) {
      throw new IllegalArgumentException("maxConcurrency must be >= 0, was " + maxConcurrency);
    }
  }
}
