package io.baton.store;

import static io.baton.store.StoreFixtures.at;
import static io.baton.store.StoreFixtures.events;
import static io.baton.store.StoreFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.run.WaitKind;
import io.baton.api.store.ConcurrentModificationException;
import io.baton.api.store.RunCommit;
import io.baton.api.store.RunCommitter;
import io.baton.api.store.SnapshotRecord;
import io.baton.api.store.SqlWrite;
import io.baton.api.store.StoreBackend;
import io.baton.api.store.StoreUnavailableException;
import io.baton.api.store.TimerRecord;
import io.baton.api.store.WaitRecord;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.store.jdbc.JdbcStoreOptions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the SQL backends promise beyond the contract: big values kept apart, retention across every
 * table, snapshots returned as stored even when damaged, data kept across reopening, a newer schema
 * refused, failures of the database reported as {@link StoreUnavailableException}, and a run's
 * decision written in one transaction ({@link RunCommitContract}) — with a start, the rows of the
 * application's own tables it carries ({@link SqlWrite}).
 */
abstract class JdbcStoreContractTest extends StoreContractTest implements RunCommitContract {

  /** Where the subclass's store lives, for reopening it. */
  protected abstract String location();

  /** The same database, opened so that every write fails as on a read-only or full disk. */
  protected abstract StoreBackend openReadOnly();

  /** Undoes {@link #openReadOnly()} where it changed the database itself. */
  protected void endReadOnly() {}

  /**
   * Removes the migration "from the future" a test added, where the database outlives the test
   * (else every later test of the class finds the store refused).
   */
  protected void forgetFutureMigration() {}

  @Override
  protected StoreBackend open() {
    return JdbcStoreBackend.open(location(), JdbcStoreOptions.DEFAULTS);
  }

  @Override
  public StoreBackend backend() {
    return store;
  }

  JdbcStoreBackend jdbc() {
    return (JdbcStoreBackend) store;
  }

  @Test
  void anEventOverTheValueLimitIsKeptApartAndDeletedWithItsJournal() throws Exception {
    String big = "y".repeat(300 * 1024);
    RunEvent event = new RunEvent.StepCompleted(at(1), "big", 1, big);
    store.journal().append("r1", 0, List.of(events("r1", 0, 1).getFirst(), event));

    assertThat(count("SELECT COUNT(*) FROM baton_value WHERE run_id = 'r1'")).isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM baton_journal WHERE payload IS NULL AND value_id IS NOT NULL"))
        .isEqualTo(1);
    assertThat(store.journal().read("r1", 1).getFirst().event()).isEqualTo(event);

    store.journal().delete("r1");
    assertThat(count("SELECT COUNT(*) FROM baton_value")).isZero();
  }

  @Test
  void compactionDeletesTheValuesKeptApartForTheEventsItRemoves() throws Exception {
    String big = "y".repeat(300 * 1024);
    store
        .journal()
        .append(
            "r1",
            0,
            List.of(
                new RunEvent.StepCompleted(at(1), "a", 1, big),
                new RunEvent.StepCompleted(at(2), "b", 1, big),
                events("r1", 2, 1).getFirst()));

    store.journal().compact("r1", 2);

    assertThat(count("SELECT COUNT(*) FROM baton_value WHERE run_id = 'r1'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM baton_journal WHERE run_id = 'r1'")).isEqualTo(1);
  }

  @Test
  void deletingARunRemovesItsRowsFromEveryTableAndNothingElse() throws Exception {
    for (String runId : List.of("r1", "r2")) {
      store.runs().save(run(runId, "wf", RunStatus.COMPLETED, runId.equals("r1") ? 1 : 50));
      store.journal().append(runId, 0, events(runId, 0, 2));
      store
          .journal()
          .append(
              runId, 2, List.of(new RunEvent.StepCompleted(at(2), "b", 1, "z".repeat(300 * 1024))));
      store.timers().schedule(new TimerRecord(runId + "/t", runId, "s", at(5)));
      store.waits().register(new WaitRecord(runId + "/w", runId, "s", WaitKind.HUMAN, null, null));
      store
          .snapshots()
          .save(new SnapshotRecord(runId + "/s", runId, 2, "m", at(3), new byte[] {1, 2}, "c"));
    }

    assertThat(jdbc().purgeEndedBefore(at(10), 100)).containsExactly("r1");

    for (String table :
        List.of(
            "baton_run",
            "baton_journal",
            "baton_value",
            "baton_timer",
            "baton_wait",
            "baton_snapshot")) {
      assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE run_id = 'r1'"))
          .as(table)
          .isZero();
      assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE run_id = 'r2'"))
          .as(table)
          .isPositive();
    }
    assertThat(jdbc().deleteRun("r2")).isEqualTo(1 + 3 + 1 + 1 + 1 + 1);
    assertThat(jdbc().deleteRun("r2")).isZero();
  }

  @Test
  void purgingAForkKeepsTheValuesItsSourceStillKeeps() throws Exception {
    String json = "{\"big\":\"" + "v".repeat(300 * 1024) + "\"}";
    store.runs().save(run("fork", "wf", RunStatus.COMPLETED, 1));
    store.values().put("source", "source/output/make/1", json);
    store.values().put("fork", "source/output/make/1", json);

    assertThat(jdbc().purgeEndedBefore(at(10), 100)).containsExactly("fork");

    assertThat(store.values().find("source/output/make/1")).hasValue(json);
    assertThat(count("SELECT COUNT(*) FROM baton_value")).isEqualTo(1);
  }

  @Test
  void aDamagedSnapshotComesBackAsStoredSoThatTheEngineCanTell() throws Exception {
    byte[] payload = "the state".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String checksum = sha256(payload);
    store.snapshots().save(new SnapshotRecord("s1", "r1", 4, "manual", at(4), payload, checksum));

    try (Connection c = jdbc().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE baton_snapshot SET payload = ? WHERE snapshot_id = 's1'")) {
      ps.setBytes(1, "the stale".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }

    SnapshotRecord found = store.snapshots().find("s1").orElseThrow();
    assertThat(new String(found.payload(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("the stale");
    assertThat(found.checksum()).isEqualTo(checksum);
    assertThat(sha256(found.payload())).isNotEqualTo(found.checksum());
  }

  @Test
  void whatWasWrittenIsThereAfterReopening() {
    store.journal().append("r1", 0, events("r1", 0, 4));
    store.runs().save(run("r1", "wf", RunStatus.RUNNING, 0));
    store.definitions().save(StoreFixtures.definition("flow", "1", "hi"));
    store.close();

    store = open();
    assertThat(store.journal().read("r1", 0)).hasSize(4);
    assertThat(store.runs().unfinished()).containsExactly("r1");
    assertThat(store.definitions().latest("flow"))
        .contains(StoreFixtures.definition("flow", "1", "hi"));
  }

  @Test
  void aSchemaMigratedByANewerBatonIsRefused() throws Exception {
    try (Connection c = jdbc().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                // quoted: Flyway creates the table and its columns with lower-case names on H2
                "INSERT INTO \"baton_schema_history\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
                    + " \"installed_on\", \"execution_time\", \"success\")"
                    + " VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql',"
                    + " 0, 'test', CURRENT_TIMESTAMP, 1, TRUE)")) {
      ps.executeUpdate();
    }
    store.close();

    assertThatThrownBy(this::open)
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("999")
        .hasMessageContaining("newer Baton")
        .hasMessageContaining("baton_schema_history");
    forgetFutureMigration();
    store = io.baton.engine.store.StoreSet.inMemory(); // for closeStore
  }

  @Test
  void aClosedStoreRefusesWritesAsUnavailable() {
    store.close();
    assertThatThrownBy(() -> store.journal().append("r1", 0, events("r1", 0, 1)))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void writesToADatabaseThatRefusesThemFailAsUnavailableNotAsConflicts() {
    store.journal().append("r1", 0, events("r1", 0, 1));
    store.close();
    store = openReadOnly();
    try {
      assertThatThrownBy(() -> store.journal().append("r1", 1, events("r1", 1, 1)))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining(store.describe());
      assertThatThrownBy(() -> store.runs().save(run("r9", "wf", RunStatus.PENDING, 0)))
          .isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(() -> store.timers().schedule(new TimerRecord("t", "r1", "s", at(1))))
          .isInstanceOf(StoreUnavailableException.class);
      assertThat(store.journal().read("r1", 0)).hasSize(1);
    } finally {
      endReadOnly();
    }
  }

  /** An application's table in the store's database, empty, for the writes of a run's start. */
  private void applicationTable() throws SQLException {
    try (Connection c = jdbc().dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS app_start (run_id VARCHAR(100) PRIMARY KEY, note VARCHAR(8))");
      s.execute("DELETE FROM app_start");
    }
  }

  private static RunCommit startWith(String runId, String note) {
    return new RunCommit(
        runId,
        0,
        List.of(),
        List.of(),
        run(runId, "wf", RunStatus.PENDING, 0),
        List.of(SqlWrite.of("INSERT INTO app_start (run_id, note) VALUES (?, ?)", runId, note)));
  }

  @Test
  void aStartCommitsTheApplicationsRowsWithTheRunsRecord() throws Exception {
    applicationTable();
    store.atomicCommits().orElseThrow().commit(startWith("r1", "hello"));

    assertThat(store.runs().find("r1")).contains(run("r1", "wf", RunStatus.PENDING, 0));
    assertThat(count("SELECT COUNT(*) FROM app_start WHERE run_id = 'r1' AND note = 'hello'"))
        .isEqualTo(1);
  }

  @Test
  void aStartOfARunThatExistsWritesNoneOfTheApplicationsRows() throws Exception {
    applicationTable();
    store.runs().save(run("r1", "wf", RunStatus.RUNNING, 0));

    assertThatThrownBy(() -> store.atomicCommits().orElseThrow().commit(startWith("r1", "again")))
        .isInstanceOf(ConcurrentModificationException.class);
    assertThat(count("SELECT COUNT(*) FROM app_start")).isZero();
  }

  @Test
  void anApplicationRowTheDatabaseRefusesFailsItsStartAloneAndWritesNothingOfIt() throws Exception {
    applicationTable();
    RunCommitter committer = store.atomicCommits().orElseThrow();

    assertThatThrownBy(() -> committer.commit(startWith("r1", "too long for its column")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("r1");
    assertThat(store.runs().find("r1")).as("no run without its row").isEmpty();
    assertThat(count("SELECT COUNT(*) FROM app_start")).isZero();

    committer.commit(startWith("r2", "fine"));
    assertThat(store.runs().find("r2")).isPresent();
    assertThat(count("SELECT COUNT(*) FROM app_start")).isEqualTo(1);
  }

  long count(String sql) throws SQLException {
    try (Connection c = jdbc().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
