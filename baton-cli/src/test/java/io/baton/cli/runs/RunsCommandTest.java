package io.baton.cli.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.run.RunStatus;
import io.baton.cli.CapturedTerminal;
import io.baton.cli.ExitCodes;
import io.baton.engine.Baton;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.store.jdbc.JdbcStoreOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton run --store} and {@code baton runs list | show | resume} on an H2 file store. */
class RunsCommandTest {
  private static final String SHOUT = "src/test/resources/flows/shout.yaml";

  @TempDir Path dir;

  private String store() {
    return "h2:" + dir.resolve("baton");
  }

  @Test
  void aRunKeptInAStoreIsListedAndShownWithItsJournal() {
    var run = CapturedTerminal.plain();
    assertThat(run.run("run", SHOUT, "--store", store())).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("HELLO");

    var list = CapturedTerminal.plain();
    assertThat(list.run("runs", "list", "--store", store(), "--status", "completed"))
        .isEqualTo(ExitCodes.OK);
    assertThat(list.out()).contains("shout@1").contains("COMPLETED");
    String runId = list.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];

    var show = CapturedTerminal.plain();
    assertThat(show.run("runs", "show", runId, "--store", store())).isEqualTo(ExitCodes.OK);
    assertThat(show.out())
        .contains("run       " + runId)
        .contains("status    COMPLETED")
        .contains("\"type\":\"RunStarted\"")
        .contains("\"type\":\"RunCompleted\"");

    var none = CapturedTerminal.plain();
    assertThat(none.run("runs", "list", "--store", store(), "--status", "failed"))
        .isEqualTo(ExitCodes.OK);
    assertThat(none.out().lines()).hasSize(1);
  }

  @Test
  void aRunCutOffMidStepIsResumedToItsEnd() throws Exception {
    String runId = startAndAbandon();

    var list = CapturedTerminal.plain();
    list.run("runs", "list", "--store", store(), "--status", "running");
    assertThat(list.out()).contains(runId);

    var resume = CapturedTerminal.plain();
    assertThat(resume.run("runs", "resume", "--store", store())).isEqualTo(ExitCodes.OK);
    assertThat(resume.out()).contains(runId + "  COMPLETED");
    assertThat(resume.err()).contains("resuming 1 run(s)");

    try (JdbcStoreBackend backend = JdbcStoreBackend.open(store(), JdbcStoreOptions.DEFAULTS)) {
      assertThat(backend.runs().find(runId).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }
    var again = CapturedTerminal.plain();
    assertThat(again.run("runs", "resume", runId, "--store", store())).isEqualTo(ExitCodes.OK);
    assertThat(again.err()).contains("has ended (COMPLETED)");
  }

  /**
   * Starts the workflow on an engine whose {@code uppercase} tool never returns, then closes the
   * engine and the store with the step started and not ended — as a crash leaves it.
   */
  private String startAndAbandon() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    JdbcStoreBackend backend = JdbcStoreBackend.open(store(), JdbcStoreOptions.DEFAULTS);
    Baton baton =
        Baton.builder()
            .stores(backend)
            .tool(
                "uppercase",
                "hangs",
                (args, ctx) -> {
                  started.countDown();
                  never.await();
                  return Map.of();
                })
            .tool("echo", "echo", (args, ctx) -> args)
            .build();
    String runId = baton.start(baton.load(Path.of(SHOUT)), Map.of()).id();
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    baton.close();
    backend.close();
    return runId;
  }

  @Test
  void anUnknownRunOrLocationIsAnInvalidRequest() {
    var show = CapturedTerminal.plain();
    assertThat(show.run("runs", "show", "nope", "--store", store())).isEqualTo(ExitCodes.INVALID);
    assertThat(show.err()).contains("no run nope in h2:");

    var where = CapturedTerminal.plain();
    assertThat(where.run("runs", "list", "--store", "mysql://x/y")).isEqualTo(ExitCodes.INVALID);
    assertThat(where.err()).contains("no store understands this location");
  }

  @Test
  void anUnreachableStoreExitsThreeWithItsExplanation() {
    var t = CapturedTerminal.plain();
    int exit =
        t.run(
            "runs",
            "list",
            "--store",
            "postgresql://127.0.0.1:1/baton",
            "--store-option",
            "connectAttempts=1");
    assertThat(exit).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    assertThat(t.err()).contains("cannot open the store at postgresql://127.0.0.1:1/baton");
  }

  @Test
  void runsAloneSaysWhatItNeeds() {
    var t = CapturedTerminal.plain();
    assertThat(t.run("runs")).isEqualTo(ExitCodes.INVALID);
    assertThat(t.err()).contains("list, show RUN_ID, resume [RUN_ID], snapshot RUN_ID or");
  }

  @Test
  void aSnapshotIsTakenListedAndRestoredIntoANewRunAndADamagedOneIsRefused() throws Exception {
    var run = CapturedTerminal.plain();
    assertThat(run.run("run", SHOUT, "--store", store())).isEqualTo(ExitCodes.OK);
    var list = CapturedTerminal.plain();
    list.run("runs", "list", "--store", store());
    String runId = list.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];

    var snap = CapturedTerminal.plain();
    assertThat(snap.run("runs", "snapshot", runId, "--label", "done", "--store", store()))
        .isEqualTo(ExitCodes.OK);
    assertThat(snap.out())
        .contains("run " + runId)
        .contains("done")
        .containsPattern("sha256 [0-9a-f]{64}");
    String snapshotId = snap.out().split("\\s+")[0];

    var shown = CapturedTerminal.plain();
    assertThat(shown.run("runs", "show", runId, "--store", store())).isEqualTo(ExitCodes.OK);
    var compacted = CapturedTerminal.plain();
    assertThat(compacted.run("runs", "snapshot", runId, "--compact", "--store", store()))
        .isEqualTo(ExitCodes.OK);
    assertThat(compacted.out()).contains("compaction");
    var shownAfter = CapturedTerminal.plain();
    assertThat(shownAfter.run("runs", "show", runId, "--store", store())).isEqualTo(ExitCodes.OK);
    assertThat(shownAfter.out())
        .as("a compacted run shows its whole journal")
        .isEqualTo(shown.out());

    var listed = CapturedTerminal.plain();
    assertThat(listed.run("runs", "snapshot", runId, "--list", "--store", store()))
        .isEqualTo(ExitCodes.OK);
    assertThat(listed.out()).contains(snapshotId);

    var restore = CapturedTerminal.plain();
    assertThat(restore.run("runs", "restore", snapshotId, "--store", store()))
        .isEqualTo(ExitCodes.OK);
    assertThat(restore.err()).contains("restored snapshot " + snapshotId + " into run ");
    assertThat(restore.out()).contains("COMPLETED").doesNotContain(runId);

    try (JdbcStoreBackend backend = JdbcStoreBackend.open(store(), JdbcStoreOptions.DEFAULTS);
        var c = backend.dataSource().getConnection();
        var update =
            c.prepareStatement("UPDATE baton_snapshot SET payload = ? WHERE snapshot_id = ?")) {
      update.setBytes(1, "damaged on disk".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      update.setString(2, snapshotId);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
    var damaged = CapturedTerminal.plain();
    assertThat(damaged.run("runs", "restore", snapshotId, "--store", store()))
        .isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(damaged.err()).contains("snapshot " + snapshotId).contains("is corrupted");
  }
}
