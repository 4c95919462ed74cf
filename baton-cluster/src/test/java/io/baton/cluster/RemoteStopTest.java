package io.baton.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.spi.Tool;
import io.baton.engine.Baton;
import io.baton.engine.time.SystemTimeSource;
import io.baton.store.jdbc.JdbcStoreBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A step running on another node is stopped when its run no longer wants it. The run's owner is an
 * engine in this JVM with no executors; the step runs on a second node, a process of its own
 * ({@link NodeMain}, tool {@code block}, which runs for a minute unless interrupted). Cancelling
 * the run, or the step's timeout passing, interrupts the handler over there within seconds.
 */
@Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS)
class RemoteStopTest {
  private static final Duration WITHIN = Duration.ofSeconds(20);
  private ClusterDatabase db;
  private Process executor;
  private Path log;
  private JdbcStoreBackend store;
  private Baton owner;

  @BeforeEach
  void nodes() throws Exception {
    db = ClusterDatabase.create();
    store = db.openStore();
    ClusterSchema.migrate(store.dataSource());
    sql(
        "CREATE TABLE test_tool_call (idem_key VARCHAR(400) NOT NULL, node_id VARCHAR(50) NOT NULL)",
        "CREATE TABLE test_interrupted (idem_key VARCHAR(400) NOT NULL, node_id VARCHAR(50))");
    executor = startExecutorNode();
    ClusterNode node =
        ClusterNode.open(
            store.dataSource(),
            ClusterOptions.named("owner")
                .withTiming(Duration.ofMillis(500), Duration.ofSeconds(3))
                .withExecutors(0), // every step runs on the other node
            new SystemTimeSource());
    owner =
        Baton.builder()
            .stores(store)
            .cluster(node)
            .tool(Tool.of("block", "runs elsewhere", Map.of(), (a, ctx) -> "never here"))
            .build();
  }

  @AfterEach
  void stop() throws Exception {
    if (owner != null) {
      owner.close();
    }
    executor.destroyForcibly().waitFor();
    Files.deleteIfExists(log);
    store.close();
    db.close();
  }

  @Test
  void cancellingARunInterruptsItsStepOnTheNodeRunningIt() throws Exception {
    var run =
        owner.start(
            flow(
                """
                id: stop-remote
                version: 1.0.0
                steps:
                  - id: hold
                    type: tool
                    tool: block
                """),
            Map.of());
    String key = awaitOne("SELECT idem_key FROM test_tool_call");
    assertThat(key).isEqualTo(run.id() + "/hold/1");

    assertThat(owner.cancel(run.id(), "ops")).isTrue();

    assertThat(awaitOne("SELECT idem_key || ' on ' || node_id FROM test_interrupted"))
        .isEqualTo(key + " on x");
    assertThat(owner.await(run.id(), WITHIN).status()).isEqualTo(RunStatus.CANCELLED);
  }

  @Test
  void aStepWhoseTimeoutPassesIsInterruptedOnTheNodeRunningIt() throws Exception {
    var run =
        owner.start(
            flow(
                """
                id: time-out-remote
                version: 1.0.0
                steps:
                  - id: hold
                    type: tool
                    tool: block
                    timeout: 2s
                """),
            Map.of());
    String key = awaitOne("SELECT idem_key FROM test_tool_call");

    assertThat(awaitOne("SELECT idem_key FROM test_interrupted")).isEqualTo(key);
    RunView done = owner.await(run.id(), WITHIN);
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.steps().get("hold").failure().kind())
        .isEqualTo(io.baton.api.run.ErrorKind.TIMEOUT);
  }

  private io.baton.api.definition.WorkflowDefinition flow(String yaml) {
    return owner.loader().parse(yaml, "flow.yaml").orThrow();
  }

  private Process startExecutorNode() throws Exception {
    log = Files.createTempFile("baton-cluster-x-", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            NodeMain.class.getName(),
            "jdbc:postgresql://" + ClusterDatabase.SERVER + "/" + db.name,
            "x",
            "0");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.readString(log).contains("STARTED")) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("node x did not start:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    return p;
  }

  /** The one value {@code query} returns, polled until it returns one (bounded). */
  private String awaitOne(String query) throws Exception {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    while (true) {
      List<String> rows = strings(query);
      if (!rows.isEmpty()) {
        assertThat(rows).hasSize(1);
        return rows.getFirst();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            query + " returned nothing within " + WITHIN + "; node x:\n" + Files.readString(log));
      }
      Thread.sleep(50);
    }
  }

  private void sql(String... statements) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
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
