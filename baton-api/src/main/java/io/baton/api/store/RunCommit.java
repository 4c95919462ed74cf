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
 * @param alongside statements of the embedding application written in the same transaction, and
 *     only when the rest is (a run's start carries the application's index and audit rows of it); a
 *     committer that cannot run them refuses the commit with an {@link IllegalArgumentException}
 *     and writes nothing
 */
public record RunCommit(
    String runId,
    long expectedSeq,
    List<RunEvent> events,
    List<IndexChange> indexChanges,
    RunRecord record,
    List<SqlWrite> alongside) {

  public RunCommit {
    events = List.copyOf(events);
    indexChanges = List.copyOf(indexChanges);
    alongside = List.copyOf(alongside);
  }

  /** A decision of the engine alone, nothing of the application's alongside. */
  public RunCommit(
      String runId,
      long expectedSeq,
      List<RunEvent> events,
      List<IndexChange> indexChanges,
      RunRecord record) {
    this(runId, expectedSeq, events, indexChanges, record, List.of());
  }

  /** Whether it writes nothing at all. */
  public boolean isEmpty() {
    return events.isEmpty() && indexChanges.isEmpty() && record == null && alongside.isEmpty();
  }
}
