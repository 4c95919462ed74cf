package io.baton.api.store;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import java.util.List;

/**
 * The append-only event log of runs: the source of truth from which a run's state is rebuilt.
 *
 * <p>Durable implementations make an append durable before it returns (write-ahead: the engine acts
 * on events only after appending them) and may group the appends of many runs into one commit.
 */
public interface Journal {

  /**
   * Appends {@code events} to the journal of {@code runId}, at positions {@code expectedSeq},
   * {@code expectedSeq + 1}, …
   *
   * @param expectedSeq the number of events the writer believes the journal already holds
   * @throws ConcurrentModificationException when it holds another number: someone else wrote
   */
  void append(String runId, long expectedSeq, List<RunEvent> events);

  /**
   * The events of {@code runId} from position {@code fromSeq} on, in order; empty for an unknown
   * run.
   */
  List<JournalEntry> read(String runId, long fromSeq);

  /** Deletes a run's journal (retention). */
  void delete(String runId);

  /**
   * Removes the events of {@code runId} at positions below {@code beforeSeq}, once a snapshot holds
   * them (journal compaction). The positions of the events left do not change, and appends go on at
   * the end as before. The newest event always stays, even below {@code beforeSeq}: the next append
   * is checked against it. A reader that asks for removed positions gets the events from the oldest
   * one left, and sees the gap by its position.
   *
   * @return how many events were removed
   * @throws UnsupportedOperationException when this journal cannot compact
   */
  default long compact(String runId, long beforeSeq) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName()
            + " cannot compact journals; use a store that can (memory, H2, PostgreSQL) or turn"
            + " snapshots.compact off");
  }
}
