package io.baton.engine.runtime;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.RunStarted;
import io.baton.api.store.DefinitionStore;
import io.baton.api.store.RunRecord;
import io.baton.api.store.SnapshotRecord;
import io.baton.api.store.SnapshotStore;
import io.baton.api.time.IdGenerator;
import io.baton.engine.RunNotFoundException;
import io.baton.engine.store.RunEventCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Snapshots of runs (checkpoints with a checksum), runs restored from them, and the purge of runs
 * that ended long ago.
 *
 * <p>A snapshot holds the run's journal up to a position, compressed; a run's journal can be
 * compacted to one (its events removed from the journal: the snapshot holds them). Restoring one
 * never rewrites history: it starts a new run (linked to its source by {@code forkOf}) that
 * continues from there — the steps that had ended well keep their results, the others run again.
 */
public final class RunArchive {
  private final RuntimeServices rt;
  private final RunEngine engine;
  private final DefinitionStore definitions;
  private final SnapshotStore snapshots;
  private final IdGenerator ids;

  public RunArchive(
      RuntimeServices rt,
      RunEngine engine,
      DefinitionStore definitions,
      SnapshotStore snapshots,
      IdGenerator ids) {
    this.rt = rt;
    this.engine = engine;
    this.definitions = definitions;
    this.snapshots = snapshots;
    this.ids = ids;
  }

  /**
   * Takes a snapshot of what the run has made durable so far: its newest intact snapshot extended
   * with the events since, or its whole history when it has none.
   */
  public SnapshotRecord snapshot(String runId, String label) {
    RunRecord run = rt.runs().find(runId).orElseThrow(() -> new RunNotFoundException(runId));
    SnapshotRecord earlier = newestIntact(runId);
    byte[] payload = null;
    long seq = 0;
    if (earlier != null) {
      List<JournalEntry> since = rt.journal().read(runId, earlier.seq());
      payload = SnapshotPayloads.extend(earlier, since);
      seq = earlier.seq() + since.size();
    }
    if (payload == null) {
      List<JournalEntry> journal = rt.journal().read(runId, 0);
      payload = SnapshotPayloads.encode(runId, run.workflowId(), run.workflowVersion(), journal);
      seq = journal.size();
    }
    SnapshotRecord snapshot =
        new SnapshotRecord(
            ids.newId(),
            runId,
            seq,
            label == null || label.isBlank() ? "manual" : label,
            rt.clock().now(),
            payload,
            SnapshotPayloads.sha256(payload));
    snapshots.save(snapshot);
    return snapshot;
  }

  private SnapshotRecord newestIntact(String runId) {
    List<SnapshotRecord> all = snapshots.list(runId);
    for (int i = all.size() - 1; i >= 0; i--) {
      SnapshotRecord s = all.get(i);
      if (SnapshotPayloads.sha256(s.payload()).equals(s.checksum())) {
        return s;
      }
    }
    return null;
  }

  /**
   * Compacts a run's journal: takes a snapshot, then removes the journal's events that it holds.
   * The run's history reads the same afterwards (see {@link HistoryJournal}).
   *
   * @return the snapshot the journal was compacted to
   */
  public SnapshotRecord compact(String runId, String label) {
    SnapshotRecord snapshot = snapshot(runId, label);
    rt.journal().compact(runId, snapshot.seq());
    return snapshot;
  }

  /** A run's snapshots, oldest first. */
  public List<SnapshotRecord> list(String runId) {
    return snapshots.list(runId);
  }

  /**
   * Starts a new run that continues from a snapshot, after checking it is intact.
   *
   * @param inputs the new run's inputs, or null for the source run's
   * @return the new run's id
   * @throws SnapshotCorruptedException when the snapshot's bytes do not match its checksum
   * @throws IllegalArgumentException when there is no such snapshot
   */
  public String restore(String snapshotId, Map<String, Object> inputs) {
    SnapshotRecord snapshot =
        snapshots
            .find(snapshotId)
            .orElseThrow(() -> new IllegalArgumentException("no snapshot " + snapshotId));
    SnapshotPayloads.Content content =
        SnapshotPayloads.decode(snapshot, new RunEventCodec(rt.values()));
    WorkflowDefinition definition =
        definitions
            .find(content.workflowId(), content.workflowVersion())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "snapshot "
                            + snapshotId
                            + " needs workflow "
                            + content.workflowId()
                            + " version "
                            + content.workflowVersion()
                            + ", which is not in the definition store"));
    List<JournalEntry> journal = content.events();
    Map<String, Object> startInputs =
        inputs != null
            ? inputs
            : journal.isEmpty() || !(journal.getFirst().event() instanceof RunStarted s)
                ? Map.of()
                : s.inputs();
    List<RunEvent> history = Forks.continuation(engine.compile(definition), journal);
    RunRecord source = rt.runs().find(snapshot.runId()).orElse(null);
    return engine.start(
        definition,
        startInputs,
        StartRequest.copy(snapshot.runId(), source == null ? null : source.priority(), history));
  }

  /**
   * Deletes the runs that ended before {@code time}: summaries, journals and snapshots.
   *
   * @return how many runs were deleted
   */
  public int purgeEndedBefore(Instant time) {
    int purged = 0;
    List<String> ended;
    do {
      ended = rt.runs().endedBefore(time, 500);
      for (String runId : ended) {
        snapshots.deleteRun(runId);
        rt.journal().delete(runId);
        rt.values().deleteRun(runId);
        rt.runs().delete(runId);
        engine.forget(runId);
        purged++;
      }
    } while (ended.size() == 500);
    return purged;
  }
}
