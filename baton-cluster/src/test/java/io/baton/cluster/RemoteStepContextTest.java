package io.baton.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.run.PendingInput;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.spi.AwaitInput;
import io.baton.api.spi.CoordinationModule;
import io.baton.engine.Baton;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.test.FakeClock;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A handler running on a node that does not own its run can still journal its progress ({@code
 * ctx.record}) and ask a person ({@link AwaitInput}): both go to the run's owner, the record is
 * acknowledged once durable there, and the step runs again, on any node, with the answer and what
 * it recorded. Node a owns the run and runs no step; node b runs every step.
 */
class RemoteStepContextTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String FLOW =
      """
      id: confirm-remote
      version: 1.0.0
      steps:
        - {id: ask, type: module, module: confirm, operation: ask, input: {what: the plan}}
      """;

  private final FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private ClusterDatabase db;
  private JdbcStoreBackend storeA;
  private JdbcStoreBackend storeB;
  private final List<ClusterNode> nodes = new CopyOnWriteArrayList<>();
  private Baton a;
  private Baton b;

  @BeforeEach
  void nodes() {
    db = ClusterDatabase.create();
    storeA = db.openStore();
    storeB = db.openStore();
    a = engine(storeA, "a", 0);
    b = engine(storeB, "b", 8);
  }

  private Baton engine(JdbcStoreBackend store, String id, int executors) {
    ClusterNode node =
        ClusterNode.open(
            store.dataSource(),
            ClusterOptions.named(id)
                .withTiming(Duration.ofSeconds(1), Duration.ofSeconds(5))
                .withExecutors(executors),
            clock);
    nodes.add(node);
    return Baton.builder()
        .clock(clock)
        .stores(store)
        .cluster(node)
        .module(CoordinationModule.of("confirm", Map.of("ask", (p, ctx) -> ask(id, ctx))))
        .build();
  }

  /** Records the plan once, asks for approval, and finishes with the answer and the record. */
  private Object ask(String node, io.baton.api.spi.StepContext ctx) {
    calls.add(node + ":" + (ctx.answer() == null ? "asks" : "answered"));
    if (ctx.recorded("plan") == null) {
      ctx.record("plan", "drafted on " + node);
    }
    if (ctx.answer() == null) {
      return new AwaitInput("go", "Approve?", Map.of("type", "object"), List.of("lead"));
    }
    return Map.of("answer", ctx.answer().value(), "plan", ctx.recorded("plan"));
  }

  @AfterEach
  void close() {
    ClusterDatabase.closeAll(java.util.Arrays.asList(a, b, storeA, storeB, db));
  }

  @Test
  void aRecordAndAQuestionFromAnotherNodeReachTheRunsOwner() throws Exception {
    var run = a.start(a.loader().parse(FLOW, "confirm.yaml").orThrow(), Map.of());
    PendingInput question = awaitQuestion(run.id());
    assertThat(question.prompt()).isEqualTo("Approve?");

    assertThat(a.submitInput(question.waitId(), Map.of("ok", true), "lead")).isTrue();

    RunView done = awaitEnd(run);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.steps().get("ask").output())
        .isEqualTo(Map.of("answer", Map.of("ok", true), "plan", "drafted on b"));
    assertThat(calls).containsExactly("b:asks", "b:answered");
    assertThat(progressEvents(run.id())).isEqualTo(1);
  }

  /**
   * Waits for the run's end with both nodes beating every 200 ms: a node that misses a notification
   * finds its work at its next heartbeat, as it would with a real clock. The fake clock stands
   * still, so no lease expires however slowly a loaded machine runs the beats.
   */
  private RunView awaitEnd(io.baton.engine.RunHandle run) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        return run.await(Duration.ofMillis(200));
      } catch (io.baton.engine.RunTimeoutException e) {
        nodes.forEach(ClusterNode::beatNow);
      }
    }
    return run.await(Duration.ofSeconds(1));
  }

  private PendingInput awaitQuestion(String runId) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      // the listing that reads the waits' index, as the server's does: an answer finds what it
      // lists
      List<PendingInput> asked =
          a.pendingInputs(100).stream().filter(p -> p.runId().equals(runId)).toList();
      if (!asked.isEmpty()) {
        return asked.getFirst();
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("run " + runId + " never asked; calls: " + calls);
  }

  private int progressEvents(String runId) throws Exception {
    try (var c = db.connect();
        var ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM baton_journal WHERE run_id = ? AND event_type ="
                    + " 'StepProgress'")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
