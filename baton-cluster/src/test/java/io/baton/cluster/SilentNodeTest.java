package io.baton.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.run.RunStatus;
import io.baton.api.spi.Tool;
import io.baton.engine.Baton;
import io.baton.engine.RunHandle;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.test.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node that stays silent past its lease (a long GC pause, a network split) but does not die: the
 * other node takes its run over, the silent node lets the run go when it wakes up, and whoever
 * awaits the run on the silent node still learns how it ended. Each node has its own fake clock, so
 * one can be silent while the other's time moves on.
 */
class SilentNodeTest {
  private static final Duration TTL = Duration.ofSeconds(5);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String FLOW =
      """
      id: slow-step
      version: 1.0.0
      steps:
        - {id: slow, type: tool, tool: gate}
      """;

  private final FakeClock clockA = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final FakeClock clockB = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch gate = new CountDownLatch(1);
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
    nodeA = node(storeA, "a", clockA, 0);
    nodeB = node(storeB, "b", clockB, 4);
    a = engine(storeA, nodeA, clockA);
    b = engine(storeB, nodeB, clockB);
  }

  private static ClusterNode node(
      JdbcStoreBackend store, String id, FakeClock clock, int executors) {
    return ClusterNode.open(
        store.dataSource(),
        ClusterOptions.named(id).withTiming(Duration.ofSeconds(1), TTL).withExecutors(executors),
        clock);
  }

  private Baton engine(JdbcStoreBackend store, ClusterNode node, FakeClock clock) {
    Tool gateTool =
        Tool.of(
            "gate",
            "waits for the test",
            Map.of(),
            (args, ctx) -> {
              started.countDown();
              return gate.await(WAIT.toSeconds(), TimeUnit.SECONDS) ? "opened" : "timed out";
            });
    return Baton.builder().clock(clock).stores(store).cluster(node).tool(gateTool).build();
  }

  @AfterEach
  void close() {
    gate.countDown();
    ClusterDatabase.closeAll(java.util.Arrays.asList(a, b, storeA, storeB, db));
  }

  @Test
  void theStarterOnANodeThatLostItsRunLearnsTheRunsEnd() throws Exception {
    nodeA.beatNow();
    nodeB.beatNow();
    RunHandle handle = a.start(a.loader().parse(FLOW, "approve.yaml").orThrow(), Map.of());
    assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue(); // on b: a has none
    assertThat(nodeA.ownerOf(handle.id())).contains("a");

    clockB.advance(TTL.plusSeconds(1)); // a says nothing for longer than its lease
    nodeB.beatNow();
    assertThat(nodeB.ownerOf(handle.id())).contains("b");
    nodeA.beatNow(); // a wakes up, sees the lease is b's and lets the run go

    gate.countDown();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!b.status(handle.id()).status().isTerminal() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    nodeA.beatNow(); // a looks at the store for the ends of the runs it no longer decides

    assertThat(handle.await(WAIT).status()).isEqualTo(RunStatus.COMPLETED);
  }
}
