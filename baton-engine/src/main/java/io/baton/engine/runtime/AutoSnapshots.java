package io.baton.engine.runtime;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent.StepScheduled;
import io.baton.api.run.RunEvent.StepWaiting;
import io.baton.api.spi.RunListener;
import io.baton.api.store.SnapshotRecord;
import io.baton.api.store.SnapshotStore;
import io.baton.engine.config.SnapshotPolicy;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the snapshots of a {@link SnapshotPolicy} as runs journal events, compacts their journals
 * to them if it says so, and deletes the automatic snapshots beyond the number it keeps.
 *
 * <p>A snapshot is taken on the run's decider thread, right after the event that calls for it is
 * durable: the run waits for it, so that a run journaling faster than snapshots are written cannot
 * outgrow the bound compaction sets. It costs what the events since the run's previous snapshot
 * cost to encode (snapshots extend the one before). A snapshot that fails is logged and does not
 * harm the run: its journal is compacted only once the snapshot is durable.
 */
public final class AutoSnapshots implements RunListener {
  private static final Logger LOG = LoggerFactory.getLogger(AutoSnapshots.class);
  private static final String AUTO = "auto:";

  private final SnapshotPolicy policy;
  private final RunArchive archive;
  private final SnapshotStore snapshots;

  /** Snapshots by {@code policy}, taken by {@code archive} and kept in {@code snapshots}. */
  public AutoSnapshots(SnapshotPolicy policy, RunArchive archive, SnapshotStore snapshots) {
    this.policy = policy;
    this.archive = archive;
    this.snapshots = snapshots;
  }

  @Override
  public void onEvent(JournalEntry entry) {
    String label = labelFor(entry);
    if (label != null) {
      take(entry.runId(), label);
    }
  }

  private String labelFor(JournalEntry entry) {
    if (policy.everyEvents() > 0 && (entry.seq() + 1) % policy.everyEvents() == 0) {
      return AUTO + "every-" + policy.everyEvents() + "-events";
    }
    return switch (entry.event()) {
      case StepWaiting w when policy.onSuspend() -> AUTO + "suspended:" + w.path();
      case StepScheduled s when s.attempt() == 1 && policy.atSteps().contains(stepId(s.path())) ->
          AUTO + "before-step:" + s.path();
      default -> null;
    };
  }

  private void take(String runId, String label) {
    try {
      SnapshotRecord snapshot =
          policy.compact() ? archive.compact(runId, label) : archive.snapshot(runId, label);
      prune(runId, snapshot);
    } catch (RuntimeException e) {
      LOG.warn("automatic snapshot '{}' of run {} failed; the run goes on", label, runId, e);
    }
  }

  /** Deletes the oldest automatic snapshots beyond the number kept, never {@code newest}. */
  private void prune(String runId, SnapshotRecord newest) {
    List<SnapshotRecord> automatic =
        snapshots.list(runId).stream()
            .filter(s -> s.label() != null && s.label().startsWith(AUTO))
            .filter(s -> !s.snapshotId().equals(newest.snapshotId()))
            .toList();
    for (int i = 0; i < automatic.size() - (policy.keep() - 1); i++) {
      snapshots.delete(automatic.get(i).snapshotId());
    }
  }

  private static String stepId(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
