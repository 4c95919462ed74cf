package io.baton.engine.runtime;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.store.Journal;
import io.baton.api.store.SnapshotRecord;
import io.baton.api.store.SnapshotStore;
import io.baton.api.store.StoreBackend;
import io.baton.api.store.StoredRun;
import io.baton.engine.store.RunEventCodec;
import io.baton.engine.store.StoredValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's whole history, compacted or not: reads that reach below what a compacted journal still
 * holds take the missing events from the snapshot the journal was compacted to, so they see the
 * same events at the same positions as before compaction. Everything else goes to the journal.
 */
public final class HistoryJournal implements Journal {
  private final StoreBackend store;
  private final Journal journal;
  private final SnapshotStore snapshots;
  private final RunEventCodec codec;

  private HistoryJournal(StoreBackend store) {
    this.store = store;
    this.journal = store.journal();
    this.snapshots = store.snapshots();
    this.codec = new RunEventCodec(StoredValues.of(store));
  }

  /** The history of the runs of a backend. */
  public static HistoryJournal of(StoreBackend store) {
    return store.journal() instanceof HistoryJournal h ? h : new HistoryJournal(store);
  }

  @Override
  public void append(String runId, long expectedSeq, List<RunEvent> events) {
    journal.append(runId, expectedSeq, events);
  }

  /**
   * The events of {@code runId} from {@code fromSeq} on, compacted ones included.
   *
   * @throws IllegalStateException when some were compacted and no intact snapshot holds them
   */
  @Override
  public List<JournalEntry> read(String runId, long fromSeq) {
    return whole(runId, fromSeq, journal.read(runId, fromSeq));
  }

  /**
   * A run's summary with its whole history, compacted events included ({@link
   * StoreBackend#loadRun}: one round trip where the store can); empty for an unknown run.
   *
   * @throws IllegalStateException when some events were compacted and no intact snapshot holds them
   */
  public Optional<StoredRun> loadRun(String runId) {
    return store
        .loadRun(runId)
        .map(
            run -> {
              List<JournalEntry> whole = whole(runId, 0, run.journal());
              return whole == run.journal() ? run : new StoredRun(run.record(), whole);
            });
  }

  /** {@code tail}, read from {@code fromSeq}, with the compacted events before it put back. */
  private List<JournalEntry> whole(String runId, long fromSeq, List<JournalEntry> tail) {
    if (tail.isEmpty() || tail.getFirst().seq() <= fromSeq) {
      return tail;
    }
    long firstKept = tail.getFirst().seq();
    RuntimeException damage = null;
    for (SnapshotRecord snapshot : snapshots.list(runId)) {
      if (snapshot.seq() < firstKept) {
        continue;
      }
      try {
        return join(
            SnapshotPayloads.decode(snapshot, codec).events(), snapshot.seq(), tail, fromSeq);
      } catch (SnapshotCorruptedException e) {
        damage = e; // a later snapshot may hold the same events intact
      }
    }
    throw new IllegalStateException(
        "events "
            + fromSeq
            + " to "
            + (firstKept - 1)
            + " of run "
            + runId
            + " were compacted away and no intact snapshot holds them"
            + (damage == null ? "" : " (" + damage.getMessage() + ")")
            + "; the run cannot be rebuilt: restore an older intact snapshot of it instead",
        damage);
  }

  private static List<JournalEntry> join(
      List<JournalEntry> head, long headEnd, List<JournalEntry> tail, long fromSeq) {
    List<JournalEntry> out = new ArrayList<>((int) (headEnd - fromSeq) + tail.size());
    out.addAll(head.subList((int) fromSeq, (int) headEnd));
    for (JournalEntry e : tail) {
      if (e.seq() >= headEnd) {
        out.add(e);
      }
    }
    return out;
  }

  @Override
  public void delete(String runId) {
    journal.delete(runId);
  }

  @Override
  public long compact(String runId, long beforeSeq) {
    return journal.compact(runId, beforeSeq);
  }
}
