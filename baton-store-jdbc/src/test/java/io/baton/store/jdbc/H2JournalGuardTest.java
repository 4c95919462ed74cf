package io.baton.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.engine.store.StoredValues;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On H2 the primary key, not the guard of an append's first row, refuses a position already taken:
 * the duplicate key sends the group commit write by write, and the stale append conflicts alone
 * while the other runs' appends of the same commit land.
 */
class H2JournalGuardTest {
  private Database database;
  private GroupCommitter committer;
  private JdbcJournal journal;

  @BeforeEach
  void open() {
    JdbcLocation where = JdbcLocation.parse("h2:mem:journal-guard-" + System.nanoTime());
    HikariDataSource pool = Connector.open(where, JdbcStoreOptions.DEFAULTS);
    Migrations.migrate(pool, Dialect.H2, where.display());
    database = new Database(pool, Dialect.H2, where.display());
    committer = new GroupCommitter(database, 64, 1);
    journal =
        new JdbcJournal(
            database, committer, 1 << 20, new StoredValues(new JdbcValueStore(database)));
  }

  @AfterEach
  void close() {
    committer.close();
    database.close();
  }

  @Test
  void theFirstRowOfAnH2AppendLeavesATakenPositionToThePrimaryKey() {
    String sql = journal.appendRows("r", 1, events(1, 1)).getFirst().sql();

    assertThat(sql).contains("EXISTS (SELECT 1 FROM baton_journal").doesNotContain("NOT EXISTS");
  }

  @Test
  void aStaleAppendInAGroupCommitConflictsAloneAndTheOthersLand() throws Exception {
    journal.append("stale", 0, events(0, 2));
    List<Write> writes =
        List.of(
            write("fresh", 0, events(0, 2)),
            write("stale", 1, events(1, 2)), // position 1 is taken
            write("behind", 0, events(0, 1)));

    boolean[] applied;
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      applied = new CommitBatch(c, writes).apply();
      c.commit();
      c.setAutoCommit(true);
    }

    assertThat(applied).containsExactly(true, false, true);
    assertThat(journal.read("stale", 0)).extracting(JournalEntry::event).isEqualTo(events(0, 2));
    assertThat(journal.read("fresh", 0)).hasSize(2);
    assertThat(journal.read("behind", 0)).hasSize(1);
  }

  @Test
  void anAppendThatWouldLeaveAGapChangesNothingWithoutAnError() throws Exception {
    boolean[] applied;
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      applied = new CommitBatch(c, List.of(write("gap", 3, events(3, 1)))).apply();
      c.commit();
      c.setAutoCommit(true);
    }

    assertThat(applied).containsExactly(false);
    assertThat(journal.read("gap", 0)).isEmpty();
  }

  private Write write(String runId, long expectedSeq, List<RunEvent> events) {
    List<Write.Row> rows = journal.appendRows(runId, expectedSeq, events);
    return new Write("journal:" + runId, rows.getFirst(), rows.subList(1, rows.size()));
  }

  private static List<RunEvent> events(int from, int n) {
    return java.util.stream.IntStream.range(from, from + n)
        .mapToObj(
            i ->
                (RunEvent)
                    new RunEvent.StepCompleted(Instant.EPOCH.plusSeconds(i), "s" + i, 1, (long) i))
        .toList();
  }
}
