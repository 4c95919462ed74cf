package io.baton.api.store;

import io.baton.api.run.RunStatus;
import java.util.Set;

/**
 * A filter over runs, newest first.
 *
 * @param workflowId only runs of this workflow, or null for all
 * @param statuses only runs in these statuses, or empty for all
 * @param offset how many matching runs to skip
 * @param limit the most runs to return
 */
public record RunQuery(String workflowId, Set<RunStatus> statuses, int offset, int limit) {
  public RunQuery {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    if (offset < 0 || limit <= 0) {
      throw new IllegalArgumentException("offset must be >= 0 and limit > 0");
    }
  }

  /** All runs, first page of {@code limit}. */
  public static RunQuery all(int limit) {
    return new RunQuery(null, Set.of(), 0, limit);
  }
}
