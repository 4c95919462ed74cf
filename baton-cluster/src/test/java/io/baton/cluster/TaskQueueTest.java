package io.baton.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepFailure;
import io.baton.engine.runtime.StepTask;
import io.baton.engine.runtime.TaskOutcome;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.test.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared step queue: claims by priority, no step claimed twice, lapsed claims, outcomes. */
class TaskQueueTest {
  private static final Duration TTL = Duration.ofSeconds(5);
  private static final Duration AGING = Duration.ofSeconds(10);
  private static ClusterDatabase db;
  private static JdbcStoreBackend store;
  private final FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
  private TaskQueue atA;
  private TaskQueue atB;
  private LeaseTable leasesA;

  @BeforeAll
  static void database() {
    db = ClusterDatabase.create();
    store = db.openStore();
    ClusterSchema.migrate(store.dataSource());
  }

  @AfterAll
  static void drop() {
    store.close();
    db.close();
  }

  @BeforeEach
  void queues() throws Exception {
    try (var c = db.connect();
        var s = c.createStatement()) {
      s.execute("TRUNCATE baton_cluster_task, baton_cluster_lease");
    }
    Sql sql = new Sql(store.dataSource());
    ClusterOptions a =
        ClusterOptions.named("a").withTiming(Duration.ofSeconds(1), TTL).withAging(AGING);
    ClusterOptions b =
        ClusterOptions.named("b").withTiming(Duration.ofSeconds(1), TTL).withAging(AGING);
    atA = new TaskQueue(sql, a);
    atB = new TaskQueue(sql, b);
    leasesA = new LeaseTable(sql, a, new Inbox(sql, a));
  }

  private static StepTask task(String run, String path, int attempt, int priority) {
    return new StepTask(
        run, "wf", "1", path, path, attempt, Map.of("n", 1), priority, Map.of(), null);
  }

  @Test
  void stepsAreClaimedMostUrgentFirstThenOldestAndQueuedOnce() {
    atA.enqueue(task("r1", "low", 1, 3), clock.now());
    clock.advance(Duration.ofMillis(1));
    atA.enqueue(task("r1", "high", 1, 1), clock.now());
    clock.advance(Duration.ofMillis(1));
    atA.enqueue(task("r2", "high-later", 1, 1), clock.now());
    atA.enqueue(task("r1", "low", 1, 3), clock.now()); // again, after a recovery: no new row

    assertThat(atA.queuedCount()).isEqualTo(3);
    List<TaskQueue.Claimed> first = atB.claim(clock.now(), 2);
    assertThat(first).extracting(c -> c.task().path()).containsExactly("high", "high-later");
    assertThat(first.getFirst().task().input()).isEqualTo(Map.of("n", 1));
    assertThat(atA.claim(clock.now(), 5)).extracting(c -> c.task().path()).containsExactly("low");
    assertThat(atA.claim(clock.now(), 5)).isEmpty();
  }

  @Test
  void aStepThatWaitedRisesOneLevelPerAgingInterval() {
    atA.enqueue(task("r1", "background", 1, 4), clock.now());
    clock.advance(AGING.multipliedBy(3).plusSeconds(5)); // 4 - 3 levels: competes at 1
    atA.enqueue(task("r2", "normal", 1, 2), clock.now());
    atA.enqueue(task("r3", "urgent", 1, 0), clock.now());
    atA.enqueue(task("r4", "fresh-background", 1, 4), clock.now());

    assertThat(claimOneByOne(4))
        .containsExactly("urgent", "background", "normal", "fresh-background");
  }

  @Test
  void agingNeverRanksAStepAboveTheMostUrgentLevel() {
    atA.enqueue(task("r1", "old-normal", 1, 2), clock.now());
    clock.advance(Duration.ofMillis(1));
    atA.enqueue(task("r2", "critical", 1, 0), clock.now());
    clock.advance(AGING.multipliedBy(10)); // both at level 0: the older goes first

    assertThat(claimOneByOne(2)).containsExactly("old-normal", "critical");
  }

  /** The paths of {@code n} steps claimed one at a time, in the order the queue hands them out. */
  private List<String> claimOneByOne(int n) {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      paths.add(atB.claim(clock.now(), 1).getFirst().task().path());
    }
    return paths;
  }

  @Test
  void concurrentClaimersNeverGetTheSameStep() throws Exception {
    for (int i = 0; i < 200; i++) {
      atA.enqueue(task("r" + i, "s", 1, 2), clock.now());
    }
    List<CompletableFuture<List<String>>> claimers = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      TaskQueue queue = n % 2 == 0 ? atA : atB;
      claimers.add(
          CompletableFuture.supplyAsync(
              () -> {
                List<String> mine = new ArrayList<>();
                List<TaskQueue.Claimed> got;
                while (!(got = queue.claim(clock.now(), 7)).isEmpty()) {
                  got.forEach(c -> mine.add(c.task().runId()));
                }
                return mine;
              }));
    }
    List<String> all = new ArrayList<>();
    for (var claimer : claimers) {
      all.addAll(claimer.get());
    }
    assertThat(all).hasSize(200).doesNotHaveDuplicates();
  }

  @Test
  void aLapsedClaimIsQueuedAgainAndItsLateOutcomeIsDropped() {
    atA.enqueue(task("r1", "s", 1, 2), clock.now());
    TaskQueue.Claimed byA = atA.claim(clock.now(), 1).getFirst();

    clock.advance(Duration.ofSeconds(3));
    atA.extendClaims(clock.now());
    clock.advance(Duration.ofSeconds(3));
    assertThat(atB.requeueLapsed(clock.now())).as("extended 3 s ago").isZero();
    clock.advance(Duration.ofSeconds(3)); // a silent for 6 s
    assertThat(atB.requeueLapsed(clock.now())).isEqualTo(1);

    TaskQueue.Claimed byB = atB.claim(clock.now(), 1).getFirst();
    assertThat(byB.taskId()).isEqualTo(byA.taskId());
    assertThat(atA.complete(byA.taskId(), TaskOutcome.of("late"), clock.now())).isFalse();
    assertThat(atB.complete(byB.taskId(), TaskOutcome.of("on time"), clock.now())).isTrue();
  }

  @Test
  void outcomesGoToTheRunsOwnerOnlyAndWithdrawnStepsAreNotRun() {
    leasesA.acquire("r1", clock.now(), null);
    atA.enqueue(task("r1", "s", 1, 2), clock.now());
    atA.enqueue(task("r2", "t", 1, 2), clock.now());
    atA.withdraw("r2", "t", 1);
    TaskQueue.Claimed claimed = atB.claim(clock.now(), 5).getFirst();
    assertThat(atB.claim(clock.now(), 5)).isEmpty();
    StepFailure failure = StepFailure.of(ErrorKind.UNAVAILABLE, "down");

    atB.complete(claimed.taskId(), TaskOutcome.failed(failure), clock.now());

    assertThat(atB.results(10)).as("b owns no run").isEmpty();
    List<TaskQueue.Result> results = atA.results(10);
    assertThat(results).hasSize(1);
    assertThat(results.getFirst().outcome().failure()).isEqualTo(failure);
    assertThat(results.getFirst().attempt()).isEqualTo(1);
    atA.delete(results.getFirst().taskId());
    assertThat(atA.results(10)).isEmpty();
  }

  @Test
  void anAttemptRunAgainWithAnAnswerIsQueuedWhileItsFirstOutcomeIsStillThere() {
    leasesA.acquire("r1", clock.now(), null);
    atA.enqueue(task("r1", "ask", 1, 2), clock.now());
    TaskQueue.Claimed asked = atB.claim(clock.now(), 1).getFirst();
    atB.complete(asked.taskId(), TaskOutcome.of("asks"), clock.now()); // delivered, not yet deleted
    var answer = new io.baton.api.spi.AwaitInput.Answer("r1:ask:1:go", Map.of("ok", true), "ann");
    StepTask withAnswer =
        new StepTask("r1", "wf", "1", "ask", "ask", 1, Map.of("n", 1), 2, Map.of(), answer);

    atA.enqueue(withAnswer, clock.now());
    atA.enqueue(withAnswer, clock.now()); // again, after a recovery: no new row

    List<TaskQueue.Claimed> again = atB.claim(clock.now(), 5);
    assertThat(again).hasSize(1);
    assertThat(again.getFirst().task().answer()).isEqualTo(answer);
    atB.complete(again.getFirst().taskId(), TaskOutcome.of("answered"), clock.now());
    assertThat(atA.results(10))
        .extracting(TaskQueue.Result::answered)
        .containsExactly(null, "r1:ask:1:go");
  }
}
