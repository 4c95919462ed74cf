package io.baton.api.store;

import io.baton.api.run.RunEvent;
import java.util.List;

/**
 * Everything one decision of a run makes durable: the events it appends, the index changes they
 * call for and the run's new summary. A {@link RunCommitter} writes it all in one transaction.
 *
 * @param runId the run
 * @param expectedSeq where the events go: the number of events the writer believes the journal
 *     holds
 * @param events the events to append, possibly none
 * @param indexChanges changes to the waits and timers, in the order they were made: for one wait or
 *     timer id, the last one counts
 * @param record the run's new summary (its version one above the stored one), or null when it did
 *     not change
 */
public record RunCommit(
    String runId,
    long expectedSeq,
    List<RunEvent> events,
    List<IndexChange> indexChanges,
    RunRecord record) {

  public RunCommit {
    events = List.copyOf(events);
    indexChanges = List.copyOf(indexChanges);
  }

  /** Whether it writes nothing at all. */
  public boolean isEmpty() {
    return events.isEmpty() && indexChanges.isEmpty() && record == null;
  }
}
