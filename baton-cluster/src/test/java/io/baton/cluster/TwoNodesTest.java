package io.baton.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.spi.Tool;
import io.baton.engine.Baton;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.test.FakeClock;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two engines in one JVM on one PostgreSQL: an answer reaching the node that does not own the run,
 * a take-over after a node goes silent, and new runs spread over both nodes. Heartbeats are driven
 * by hand on a fake clock.
 */
class TwoNodesTest {
  private static final Duration TTL = Duration.ofSeconds(5);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String FLOW =
      """
      id: two-nodes
      version: 1.0.0
      steps:
        - id: both
          type: parallel
          branches:
            - id: ask
              steps:
                - id: approve
                  type: human
                  prompt: Go?
                  form: {type: object, required: [ok], properties: {ok: {type: boolean}}}
            - id: work
              steps:
                - id: slow
                  type: tool
                  tool: gate
        - id: after
          type: tool
          tool: count
          dependsOn: [both]
      """;

  private static final String SPREAD =
      """
      id: spread
      version: 1.0.0
      steps:
        - id: slow
          type: tool
          tool: gate
        - id: after
          type: tool
          tool: count
          dependsOn: [slow]
      """;

  private final FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final CountDownLatch gate = new CountDownLatch(1);
  private final java.util.concurrent.atomic.AtomicInteger gateCalls =
      new java.util.concurrent.atomic.AtomicInteger();
  private ClusterDatabase db;
  private JdbcStoreBackend storeA;
  private JdbcStoreBackend storeB;
  private ClusterNode nodeA;
  private ClusterNode nodeB;
  private Baton a;
  private Baton b;

  @BeforeEach
  void nodes() {
    db = ClusterDatabase.create();
    storeA = db.openStore();
    storeB = db.openStore();
    nodeA = node(storeA, "a");
    nodeB = node(storeB, "b");
    a = engine(storeA, nodeA);
    b = engine(storeB, nodeB);
  }

  private ClusterNode node(JdbcStoreBackend store, String id) {
    return ClusterNode.open(
        store.dataSource(),
        ClusterOptions.named(id).withTiming(Duration.ofSeconds(1), TTL).withExecutors(8),
        clock);
  }

  private Baton engine(JdbcStoreBackend store, ClusterNode node) {
    return Baton.builder()
        .clock(clock)
        .stores(store)
        .cluster(node)
        .tool(
            Tool.of(
                "gate",
                "waits for the test",
                Map.of(),
                (args, ctx) -> {
                  gateCalls.incrementAndGet();
                  return gate.await(WAIT.toSeconds(), TimeUnit.SECONDS) ? "opened" : "timed out";
                }))
        .tool(Tool.of("count", "counts", Map.of(), (args, ctx) -> ctx.idempotencyKey()))
        .build();
  }

  @AfterEach
  void close() {
    gate.countDown();
    ClusterDatabase.closeAll(java.util.Arrays.asList(a, b, storeA, storeB, db));
  }

  private WorkflowDefinition flow(Baton baton) {
    return baton.loader().parse(FLOW, "two-nodes.yaml").orThrow();
  }

  private String waitForQuestion(Baton baton, String runId) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      // the listing that reads the waits' index, as the server's does: an answer finds what it
      // lists
      List<io.baton.api.run.PendingInput> asked =
          baton.pendingInputs(100).stream().filter(p -> p.runId().equals(runId)).toList();
      if (!asked.isEmpty()) {
        return asked.getFirst().waitId();
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("run " + runId + " never asked its question");
  }

  @Test
  void anAnswerGivenToAnotherNodeReachesTheRunsOwner() throws Exception {
    var handle = a.start(flow(a), Map.of());
    String waitId = waitForQuestion(b, handle.id());
    assertThat(nodeB.ownerOf(handle.id())).contains("a");

    assertThat(b.submitInput(waitId, Map.of("ok", true), "bob")).isTrue();
    assertThat(b.submitInput(waitId, Map.of("ok", true), "bob")).as("answered already").isFalse();
    gate.countDown();

    RunView done = handle.await(WAIT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(approval(done)).isEqualTo(Map.of("ok", true));
    assertThat(gateCalls).hasValue(1);
  }

  @Test
  void theRunsOfASilentNodeAreTakenOverWithoutRunningCompletedStepsAgain() throws Exception {
    var handle = a.start(flow(a), Map.of());
    String waitId = waitForQuestion(a, handle.id());
    assertThat(a.submitInput(waitId, Map.of("ok", false), "ann")).isTrue();
    nodeA.halt(); // as if a's process died: no more heartbeats, claims or mail

    clock.advance(TTL.plusSeconds(1));
    assertThat(nodeB.beatNow()).containsExactly(handle.id());
    gate.countDown();

    RunView done = b.await(handle.id(), WAIT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(approval(done)).isEqualTo(Map.of("ok", false));
    assertThat(completions(handle.id(), "approve")).isEqualTo(1);
    assertThat(completions(handle.id(), "slow")).isEqualTo(1);
    assertThat(completions(handle.id(), "after")).isEqualTo(1);
  }

  @Test
  void newRunsStartedOnOneNodeAreDecidedByBothAndTheirStarterSeesThemEnd() throws Exception {
    nodeB.beatNow();
    nodeA.beatNow(); // a counts the runs each live node decides: none yet
    var spread = a.loader().parse(SPREAD, "spread.yaml").orThrow();
    List<io.baton.engine.RunHandle> handles = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      handles.add(a.start(spread, Map.of()));
    }
    Map<String, Long> owners =
        handles.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    h -> nodeA.ownerOf(h.id()).orElseThrow(),
                    java.util.stream.Collectors.counting()));
    assertThat(owners).isEqualTo(Map.of("a", 3L, "b", 3L));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (gateCalls.get() < 6 && System.nanoTime() < deadline) {
      Thread.onSpinWait(); // b loads the runs handed to it from their journals and starts them
    }
    assertThat(gateCalls).hasValue(6);

    gate.countDown();
    for (var handle : handles) {
      while (!a.status(handle.id()).status().isTerminal() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
    }
    nodeA.beatNow(); // tells a's starters about the runs that ended on b
    for (var handle : handles) {
      assertThat(handle.await(WAIT).status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(completions(handle.id(), "after")).isEqualTo(1);
    }
    assertThat(gateCalls).hasValue(6);
  }

  private static Object approval(RunView done) {
    return done.steps().values().stream()
        .filter(s -> s.stepId().equals("approve"))
        .findFirst()
        .orElseThrow()
        .output();
  }

  private int completions(String runId, String path) throws Exception {
    try (var c = db.connect();
        var ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM baton_journal WHERE run_id = ? AND event_type ="
                    + " 'StepCompleted' AND payload->>'path' LIKE ?")) {
      ps.setString(1, runId);
      ps.setString(2, "%" + path);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
