package io.baton.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.store.jdbc.JdbcStoreBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three nodes, each a process of its own ({@link NodeMain}), share 60 runs of a workload with a
 * parallel, a map, a timer and a person's answer given through a node that does not own the run.
 * One node is killed ({@code kill -9}) mid-run; the other two finish all its runs. Then every run
 * has completed, no step completed twice in any journal, every completed tool step had its side
 * effect exactly once, and a tool ran twice only for an attempt the dead node had started.
 */
// About 40 s on a quiet machine; the bound leaves room for three JVMs starting on two shared cores.
@Timeout(value = 150, unit = java.util.concurrent.TimeUnit.SECONDS)
class ThreeNodeFailoverTest {
  private static final int RUNS_PER_NODE = 20;
  private static final String VICTIM = "n2";
  private static final Duration FINISH_WITHIN = Duration.ofSeconds(50);
  private ClusterDatabase db;
  private final Map<String, Process> nodes = new TreeMap<>();
  private final Map<String, Path> logs = new TreeMap<>();

  @BeforeEach
  void database() throws Exception {
    db = ClusterDatabase.create();
    try (JdbcStoreBackend store = db.openStore()) {
      ClusterSchema.migrate(store.dataSource());
    }
    sql(
        "CREATE TABLE test_tool_call (idem_key VARCHAR(400) NOT NULL, node_id VARCHAR(50) NOT NULL)",
        "CREATE TABLE test_side_effect (idem_key VARCHAR(400) PRIMARY KEY, node_id VARCHAR(50))");
  }

  @AfterEach
  void stop() {
    nodes.values().forEach(Process::destroyForcibly);
    for (Process p : nodes.values()) {
      try {
        p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    db.close();
  }

  @Test
  void twoNodesFinishTheRunsOfAKilledOne() throws Exception {
    for (String id : List.of("n1", "n2", "n3")) {
      start(id);
    }
    awaitAll("STARTED", Duration.ofSeconds(75));
    awaitCount("SELECT COUNT(*) FROM test_side_effect", 60, Duration.ofSeconds(30));
    List<String> victimRuns =
        strings("SELECT run_id FROM baton_cluster_lease WHERE node_id = '" + VICTIM + "'");
    assertThat(victimRuns).as("the victim owns runs in flight when it is killed").isNotEmpty();

    nodes.get(VICTIM).destroyForcibly().waitFor();

    awaitCount(
        "SELECT COUNT(*) FROM baton_run WHERE status = 'COMPLETED'",
        3 * RUNS_PER_NODE,
        FINISH_WITHIN);
    assertThat(number("SELECT COUNT(*) FROM baton_run")).isEqualTo(3 * RUNS_PER_NODE);
    assertThat(
            strings(
                "SELECT run_id || ' ' || (payload->>'path') FROM baton_journal"
                    + " WHERE event_type = 'StepCompleted' GROUP BY run_id, payload->>'path'"
                    + " HAVING COUNT(*) > 1"))
        .as("steps completed twice")
        .isEmpty();
    String completedTools =
        "SELECT j.run_id || '/' || (j.payload->>'path') || '/' || (j.payload->>'attempt')"
            + " FROM baton_journal j WHERE j.event_type = 'StepCompleted'"
            + " AND j.payload->'output' ? 'key'";
    assertThat(number("SELECT COUNT(*) FROM (" + completedTools + ") t"))
        .as("tool steps completed: 7 per run")
        .isEqualTo(7L * 3 * RUNS_PER_NODE);
    assertThat(strings(completedTools + " EXCEPT SELECT idem_key FROM test_side_effect"))
        .as("completed tool steps without their side effect")
        .isEmpty();
    assertThat(number("SELECT COUNT(*) FROM test_side_effect"))
        .as("one side effect per key, none for an attempt that did not complete")
        .isEqualTo(7L * 3 * RUNS_PER_NODE);
    assertThat(
            strings(
                "SELECT idem_key FROM test_tool_call GROUP BY idem_key HAVING COUNT(*) > 1"
                    + " AND COUNT(*) FILTER (WHERE node_id = '"
                    + VICTIM
                    + "') = 0"))
        .as("tools run twice although the dead node had not started them")
        .isEmpty();
    assertThat(output("n1") + output("n3")).contains("remote").contains("ANSWER");
  }

  private void start(String id) throws IOException {
    Path log = Files.createTempFile("baton-cluster-" + id + "-", ".log");
    logs.put(id, log);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.addAll(
        List.of(
            NodeMain.class.getName(),
            "jdbc:postgresql://" + ClusterDatabase.SERVER + "/" + db.name,
            id,
            String.valueOf(RUNS_PER_NODE)));
    nodes.put(
        id,
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
  }

  private String output(String id) throws IOException {
    return Files.readString(logs.get(id));
  }

  private void awaitAll(String line, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    for (String id : nodes.keySet()) {
      while (!output(id).contains(line)) {
        if (!nodes.get(id).isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError("node " + id + " did not print " + line + ":\n" + output(id));
        }
        Thread.sleep(100);
      }
    }
  }

  private void awaitCount(String query, long atLeast, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    long seen;
    while ((seen = number(query)) < atLeast) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            query + " reached " + seen + " of " + atLeast + " within " + within + logsTail());
      }
      Thread.sleep(100);
    }
  }

  private String logsTail() throws IOException {
    StringBuilder out = new StringBuilder();
    for (String id : logs.keySet()) {
      String text = output(id);
      out.append("\n--- ")
          .append(id)
          .append(" ---\n")
          .append(text.substring(Math.max(0, text.length() - 3000)));
    }
    return out.toString();
  }

  private void sql(String... statements) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private long number(String query) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<String> strings(String query) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
