package io.baton.store.jdbc;

import io.baton.api.store.IndexChange;
import io.baton.api.store.RunCommit;
import io.baton.api.store.RunCommitter;
import io.baton.api.store.SqlWrite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's decision as one {@link Write} of the {@link GroupCommitter}: the journal rows, the index
 * rows and the summary row go in one transaction — shared with the writes of other runs — instead
 * of one commit each. The guarded insert of the first event decides: when the journal holds another
 * number of events, nothing of it is written.
 */
final class JdbcRunCommitter implements RunCommitter {
  private final GroupCommitter committer;
  private final JdbcJournal journal;
  private final JdbcWaitStore waits;
  private final JdbcTimerStore timers;
  private final JdbcRunStore runs;

  JdbcRunCommitter(
      GroupCommitter committer,
      JdbcJournal journal,
      JdbcWaitStore waits,
      JdbcTimerStore timers,
      JdbcRunStore runs) {
    this.committer = committer;
    this.journal = journal;
    this.waits = waits;
    this.timers = timers;
    this.runs = runs;
  }

  @Override
  public void commit(RunCommit commit) {
    if (commit.isEmpty()) {
      return;
    }
    String runId = commit.runId();
    List<Write.Row> rows = new ArrayList<>();
    if (!commit.events().isEmpty()) {
      rows.addAll(journal.appendRows(runId, commit.expectedSeq(), commit.events()));
    }
    for (IndexChange change : lastChangePerId(commit.indexChanges())) {
      switch (change) {
        case IndexChange.WaitAdded added -> rows.add(waits.registerRow(added.record()));
        case IndexChange.WaitRemoved removed -> rows.add(JdbcWaitStore.removeRow(removed.waitId()));
        case IndexChange.TimerScheduled scheduled ->
            rows.addAll(timers.scheduleRows(scheduled.timer()));
        case IndexChange.TimerCancelled cancelled ->
            rows.add(JdbcTimerStore.cancelRow(cancelled.timerId()));
      }
    }
    Write.Row summary = commit.record() == null ? null : runs.saveRow(commit.record());
    commit.alongside().forEach(write -> rows.add(row(write)));
    // The deciding row: the first event's guarded insert; without events, the summary's versioned
    // update; with neither, nothing decides (index rows apply whatever is stored).
    Write.Row head;
    if (!commit.events().isEmpty()) {
      head = rows.removeFirst();
      if (summary != null) {
        rows.add(summary);
      }
    } else {
      head = summary;
    }
    if (!committer.apply(new Write("journal:" + runId, head, rows))) {
      throw commit.events().isEmpty()
          ? runs.conflict(commit.record())
          : journal.conflict(runId, commit.expectedSeq());
    }
  }

  /** An application's statement ({@link SqlWrite}) as a row, its arguments bound with setObject. */
  private static Write.Row row(SqlWrite write) {
    List<Object> arguments = write.arguments();
    return new Write.Row(
        write.sql(),
        ps -> {
          for (int i = 0; i < arguments.size(); i++) {
            ps.setObject(i + 1, arguments.get(i));
          }
        });
  }

  /**
   * The changes that count, one per wait or timer: the batch runs the rows of one statement
   * together, so a wait added then removed in one decision must not become an insert after a
   * delete.
   */
  private static Iterable<IndexChange> lastChangePerId(List<IndexChange> changes) {
    if (changes.size() < 2) {
      return changes;
    }
    Map<String, IndexChange> last = new LinkedHashMap<>();
    for (IndexChange change : changes) {
      String id =
          switch (change) {
            case IndexChange.WaitAdded added -> "wait:" + added.record().waitId();
            case IndexChange.WaitRemoved removed -> "wait:" + removed.waitId();
            case IndexChange.TimerScheduled scheduled -> "timer:" + scheduled.timer().timerId();
            case IndexChange.TimerCancelled cancelled -> "timer:" + cancelled.timerId();
          };
      last.remove(id);
      last.put(id, change);
    }
    return last.values();
  }
}
