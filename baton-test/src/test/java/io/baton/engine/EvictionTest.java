package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.runTimeout;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.HumanStep;
import io.baton.api.definition.WaitStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.spi.StepContext;
import io.baton.api.store.DefinitionStore;
import io.baton.api.store.Journal;
import io.baton.api.store.RunStore;
import io.baton.api.store.TimerStore;
import io.baton.api.store.WaitStore;
import io.baton.engine.store.InMemoryDefinitionStore;
import io.baton.engine.store.InMemoryJournal;
import io.baton.engine.store.InMemoryRunStore;
import io.baton.engine.store.InMemoryTimerStore;
import io.baton.engine.store.InMemoryWaitStore;
import io.baton.test.FakeClock;
import io.baton.test.SequentialIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Suspended runs leave memory and come back from the journal when something concerns them; an
 * engine started on the same stores recovers the runs that had not ended.
 */
class EvictionTest extends EngineTest {
  private final CountingJournal journal = new CountingJournal();
  private final RunStore runs = new InMemoryRunStore();
  private final TimerStore timers = new InMemoryTimerStore();
  private final CountingWaits waits = new CountingWaits();
  private final DefinitionStore definitions = new InMemoryDefinitionStore();
  private Baton second;

  /** A journal that counts full reads of each run: each is a load of the run from the journal. */
  private static final class CountingJournal implements Journal {
    private final Journal inner = new InMemoryJournal();
    private final Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();

    @Override
    public void append(String runId, long expectedSeq, List<RunEvent> events) {
      inner.append(runId, expectedSeq, events);
    }

    @Override
    public List<JournalEntry> read(String runId, long fromSeq) {
      if (fromSeq == 0) {
        loads.computeIfAbsent(runId, k -> new AtomicInteger()).incrementAndGet();
      }
      return inner.read(runId, fromSeq);
    }

    @Override
    public void delete(String runId) {
      inner.delete(runId);
    }

    int loads(String runId) {
      return loads.getOrDefault(runId, new AtomicInteger()).get();
    }
  }

  /** A wait index that counts registrations: each is a write to the store. */
  private static final class CountingWaits implements WaitStore {
    private final WaitStore inner = new InMemoryWaitStore();
    private final AtomicInteger registrations = new AtomicInteger();

    @Override
    public void register(io.baton.api.store.WaitRecord wait) {
      registrations.incrementAndGet();
      inner.register(wait);
    }

    @Override
    public void remove(String waitId) {
      inner.remove(waitId);
    }

    @Override
    public java.util.Optional<io.baton.api.store.WaitRecord> find(String waitId) {
      return inner.find(waitId);
    }

    @Override
    public List<io.baton.api.store.WaitRecord> findByEvent(String name, String key) {
      return inner.findByEvent(name, key);
    }

    @Override
    public List<io.baton.api.store.WaitRecord> humanWaits(int limit) {
      return inner.humanWaits(limit);
    }
  }

  @AfterEach
  void closeSecond() {
    if (second != null) {
      second.close();
    }
  }

  private void engineWithStores(boolean evict) {
    engine(
        b ->
            b.stores(journal, runs, timers, waits, definitions)
                .evictSuspended(evict)
                .tool("echo", "echo", (a, c) -> a));
  }

  private static WorkflowDefinition question() {
    return flow(
        "question",
        new HumanStep(step("ask").build(), "?", Map.of(), List.of(), null, null),
        tool("after", "echo", map("answer", "${steps.ask.output}"), "ask"));
  }

  @Test
  void aSuspendedRunLeavesMemoryAndAnAnswerReloadsItFromTheJournal() {
    engineWithStores(true);
    var run = baton.start(question(), Map.of());
    String waitId = firstWaitId(run.id());

    int before = journal.loads(run.id());
    int registered = waits.registrations.get();
    for (int i = 0; i < 50; i++) {
      baton.status(run.id());
    }
    assertThat(journal.loads(run.id()))
        .as("each look at a suspended run loads it once")
        .isEqualTo(before + 50);
    assertThat(waits.registrations.get())
        .as("a reload after an eviction finds its wait indexed already: no writes")
        .isEqualTo(registered);

    int beforeAnswer = journal.loads(run.id());
    assertThat(baton.submitInput(waitId, "yes", "me")).isTrue();
    assertThat(journal.loads(run.id())).as("the answer loaded the run").isEqualTo(beforeAnswer + 1);
    RunView done = run.await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.outputs()).isEqualTo(Map.of("answer", "yes"));
  }

  @Test
  void withoutEvictionASuspendedRunStaysInMemory() {
    engineWithStores(false);
    var run = baton.start(question(), Map.of());
    String waitId = firstWaitId(run.id());
    baton.submitInput(waitId, "yes", "me");
    assertThat(run.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(journal.loads(run.id())).isZero();
  }

  @Test
  void aTimerWakesAnEvictedRun() {
    engineWithStores(true);
    var run =
        baton.start(
            flow("nap", new WaitStep(step("w").build(), Duration.ofHours(2), null, null)),
            Map.of());
    waitForStatus(run.id(), RunStatus.WAITING);
    int before = journal.loads(run.id());
    clock.advance(Duration.ofHours(2));
    RunView done = run.await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(journal.loads(run.id())).isGreaterThan(before);
  }

  @Test
  void aDurableTimerWakesItsRunAfterARestartWithoutRecoveringAnything() {
    engineWithStores(true);
    var run =
        baton.start(
            flow("nap", new WaitStep(step("w").build(), Duration.ofHours(2), null, null)),
            Map.of());
    waitForStatus(run.id(), RunStatus.WAITING);
    baton.close();
    assertThat(timers.next()).as("the wait's timer is in the store").isPresent();

    int loads = journal.loads(run.id());
    FakeClock clock2 = new FakeClock(clock.now());
    second = restartBuilder(clock2, Map.of()).recoverOnStart(false).build();
    assertThat(journal.loads(run.id())).as("nothing loaded the run yet").isEqualTo(loads);
    clock2.advance(Duration.ofHours(2));
    RunView done = second.await(run.id(), EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(timers.next()).as("the fired timer left the store").isEmpty();
  }

  /** A second engine on the same stores, with a clock at the same time: a restart. */
  private Baton restart(FakeClock clock2, Map<String, Object> tools) {
    second = restartBuilder(clock2, tools).build();
    return second;
  }

  private BatonBuilder restartBuilder(FakeClock clock2, Map<String, Object> tools) {
    var b =
        Baton.builder()
            .clock(clock2)
            .ids(new SequentialIds())
            .stores(journal, runs, timers, waits, definitions)
            .listener(log);
    tools.forEach((name, invoker) -> b.tool(name, name, (io.baton.api.spi.Tool.Invoker) invoker));
    return b;
  }

  @Test
  void anEngineOnTheSameStoresRecoversAWaitingRunAndTakesItsAnswer() {
    engineWithStores(true);
    var run = baton.start(question(), Map.of());
    String waitId = firstWaitId(run.id());
    baton.close();

    Baton other =
        restart(
            new FakeClock(clock.now()),
            Map.of("echo", (io.baton.api.spi.Tool.Invoker) (a, c) -> a));
    assertThat(other.recover()).isEqualTo(1);
    assertThat(other.pendingInputs(10)).extracting(p -> p.waitId()).containsExactly(waitId);
    assertThat(other.submitInput(waitId, "later", "me")).isTrue();
    RunView done = other.await(run.id(), EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.outputs()).isEqualTo(Map.of("answer", "later"));
  }

  @Test
  void aHandlerThatWasRunningWhenTheEngineStoppedRunsAgainWithTheSameIdempotencyKey() {
    Blocker first = blocker();
    engine(b -> b.stores(journal, runs, timers, waits, definitions).tool("work", "blocks", first));
    var run = baton.start(flow("crashy", step("w").tool("work")), Map.of());
    first.awaitStarted(1);
    String key = first.contexts().getFirst().idempotencyKey();
    baton.close();

    Blocker again = blocker(args -> "done again");
    again.releaseAll();
    // the new engine recovers the unfinished run as it starts
    Baton other = restart(new FakeClock(clock.now()), Map.of("work", again));
    RunView done = other.await(run.id(), EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.outputs()).isEqualTo("done again");
    assertThat(again.contexts()).extracting(StepContext::idempotencyKey).containsExactly(key);
    assertThat(key).isEqualTo(run.id() + "/w/1");
  }

  @Test
  void aRecoveredRunStillTimesOutAtItsDeadline() {
    engineWithStores(true);
    var wf =
        flow(
            "deadline",
            runTimeout(Duration.ofHours(1)),
            null,
            new HumanStep(step("ask").build(), "?", Map.of(), List.of(), null, null));
    var run = baton.start(wf, Map.of());
    waitFor(run.id(), "a question", v -> !v.pendingInputs().isEmpty());
    clock.advance(Duration.ofMinutes(30));
    baton.close();

    FakeClock clock2 = new FakeClock(clock.now());
    Baton other = restart(clock2, Map.of());
    assertThat(other.recover()).isEqualTo(1);
    other.status(run.id());
    clock2.advance(Duration.ofMinutes(30));
    RunView done = other.await(run.id(), EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.TIMED_OUT);
    assertThat(done.endedAt()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
  }

  @Test
  void aHandlerEndingAfterTheEngineClosedIsDroppedQuietly() throws Exception {
    java.util.concurrent.atomic.AtomicReference<Thread> handlerThread =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
    engine(
        b ->
            b.stores(journal, runs, timers, waits, definitions)
                .tool(
                    "late",
                    "ends after the engine closed",
                    (args, ctx) -> {
                      handlerThread.set(Thread.currentThread());
                      started.countDown();
                      finish.await(10, java.util.concurrent.TimeUnit.SECONDS);
                      return "late";
                    }));
    var run = baton.start(flow("late", step("l").tool("late")), Map.of());
    assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    baton.close();

    List<Throwable> uncaught = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    try {
      finish.countDown();
      assertThat(handlerThread.get().join(Duration.ofSeconds(10))).isTrue();
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
    assertThat(uncaught).isEmpty();
    assertThat(runs.find(run.id()).orElseThrow().status())
        .as("the run is left for recovery")
        .isEqualTo(RunStatus.RUNNING);
  }
}
