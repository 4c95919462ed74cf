package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.store.RunQuery;
import io.baton.api.store.RunRecord;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.store.jdbc.JdbcStoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability proof: a process running 50 runs (parallel, map, loop, timer waits, human steps)
 * is killed with {@code kill -9} at random moments, several times, and restarted on the same store.
 * Afterwards every run has completed, no step completed twice, no completed step ran again, and no
 * keyed side effect happened twice. On the embedded H2 file store and on PostgreSQL.
 */
class KillNineCrashTest {
  private static final int RUNS = 50;
  private static final int KILLS = 4;
  private static final long SEED = 20261121L;

  @TempDir Path dir;

  @Test
  void runsOnH2SurviveRepeatedKills() throws Exception {
    survivesKills("h2:" + dir.resolve("crash").toAbsolutePath());
  }

  @Test
  void runsOnPostgresSurviveRepeatedKills() throws Exception {
    try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
      survivesKills(db.location());
    }
  }

  private void survivesKills(String location) throws Exception {
    Path workflow = dir.resolve("crash-mix.yaml");
    try (var in = getClass().getResourceAsStream("/crash/crash-mix.yaml")) {
      Files.copy(in, workflow);
    }
    Random random = new Random(SEED);
    int killedWhileRunning = 0;
    for (int generation = 1; generation <= KILLS; generation++) {
      Process p = workload(location, workflow, generation);
      boolean exited = p.waitFor(300 + random.nextInt(1200), TimeUnit.MILLISECONDS);
      if (!exited) {
        p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no flush
        killedWhileRunning++;
      } else {
        assertThat(p.exitValue()).as(output(generation)).isZero();
      }
    }
    assertThat(killedWhileRunning).as("processes killed mid-work").isPositive();
    Process last = workload(location, workflow, KILLS + 1);
    assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("the last process finished").isTrue();
    assertThat(last.exitValue()).as(output(KILLS + 1)).isZero();

    try (JdbcStoreBackend store = JdbcStoreBackend.open(location, JdbcStoreOptions.DEFAULTS)) {
      List<RunRecord> runs = store.runs().list(new RunQuery(null, Set.of(), 0, RUNS + 10));
      assertThat(runs).hasSize(RUNS);
      assertThat(runs)
          .extracting(RunRecord::status)
          .as("run statuses; how the others ended: %s", unfinishedEnds(store, runs))
          .containsOnly(RunStatus.COMPLETED);
      Map<String, Integer> completedIn = new HashMap<>();
      for (RunRecord run : runs) {
        checkJournal(store.journal().read(run.runId(), 0), completedIn);
      }
      checkSideEffects(store, completedIn);
    }
  }

  /** The last journal event of each run that did not complete, to say why in a failure. */
  private static List<String> unfinishedEnds(JdbcStoreBackend store, List<RunRecord> runs) {
    return runs.stream()
        .filter(r -> r.status() != RunStatus.COMPLETED)
        .map(r -> r.runId() + ": " + store.journal().read(r.runId(), 0).getLast().event())
        .toList();
  }

  /**
   * Each step completed once; records the generation whose handler produced each completed handler
   * step's result, by idempotency key.
   */
  private static void checkJournal(List<JournalEntry> journal, Map<String, Integer> completedIn) {
    assertThat(journal).extracting(JournalEntry::seq).isSorted().doesNotHaveDuplicates();
    Set<String> completed = new HashSet<>();
    for (JournalEntry e : journal) {
      if (e.event() instanceof RunEvent.StepCompleted c) {
        assertThat(completed.add(c.path()))
            .as("step %s of %s completed once", c.path(), e.runId())
            .isTrue();
        if (c.output() instanceof Map<?, ?> out && out.get("key") instanceof String key) {
          completedIn.put(key, ((Number) out.get("generation")).intValue());
        }
      }
    }
    assertThat(journal.getLast().event()).isInstanceOf(RunEvent.RunCompleted.class);
  }

  private static void checkSideEffects(JdbcStoreBackend store, Map<String, Integer> completedIn)
      throws Exception {
    // 50 runs x (prepare, l1, r1, 4 items, 3 rounds, finish); a run that is short says which
    Map<String, List<String>> byRun = new java.util.TreeMap<>();
    completedIn
        .keySet()
        .forEach(k -> byRun.computeIfAbsent(k.split("/")[0], r -> new ArrayList<>()).add(k));
    assertThat(completedIn)
        .as(
            "handler steps completed, 11 per run; runs with another count: %s",
            byRun.values().stream().filter(keys -> keys.size() != 11).toList())
        .hasSize(RUNS * 11);
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement()) {
      Map<String, Integer> effects = new HashMap<>();
      try (ResultSet r = s.executeQuery("SELECT idem_key, generation FROM crash_effect")) {
        while (r.next()) {
          assertThat(effects.put(r.getString(1), r.getInt(2)))
              .as("side effect %s happened once", r.getString(1))
              .isNull();
        }
      }
      assertThat(effects.keySet()).containsAll(completedIn.keySet());
      List<String> rerunAfterCompletion = new ArrayList<>();
      try (ResultSet r = s.executeQuery("SELECT idem_key, generation FROM crash_invocation")) {
        while (r.next()) {
          Integer done = completedIn.get(r.getString(1));
          if (done != null && r.getInt(2) > done) {
            rerunAfterCompletion.add(r.getString(1) + " in generation " + r.getInt(2));
          }
        }
      }
      assertThat(rerunAfterCompletion).as("completed steps that ran again").isEmpty();
    }
  }

  private Process workload(String location, Path workflow, int generation) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            CrashWorkload.class.getName(),
            location,
            workflow.toString(),
            String.valueOf(RUNS),
            String.valueOf(generation))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("generation-" + generation + ".log").toFile())
        .start();
  }

  private String output(int generation) throws IOException {
    Path log = dir.resolve("generation-" + generation + ".log");
    return "the output of process " + generation + ":\n" + Files.readString(log);
  }
}
