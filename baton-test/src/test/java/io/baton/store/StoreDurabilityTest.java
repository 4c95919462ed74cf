package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.api.run.StoredValue;
import io.baton.api.spi.RunListener;
import io.baton.api.store.SnapshotRecord;
import io.baton.api.store.StoreBackend;
import io.baton.engine.Baton;
import io.baton.engine.BatonBuilder;
import io.baton.engine.config.SnapshotPolicy;
import io.baton.engine.runtime.HistoryJournal;
import io.baton.engine.store.StoredValues;
import io.baton.test.TestEngine;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Journal compaction by snapshot, automatic snapshots and large values, on each store: a compacted
 * run reads, recovers, forks and is purged as before; a long loop's journal stays bounded; large
 * outputs are held by reference and loaded on demand through a bounded cache.
 */
abstract class StoreDurabilityTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Path FLOWS = Path.of("src/test/resources/compaction");

  private final AtomicInteger prepared = new AtomicInteger();
  private StoreBackend store;
  private TestEngine engine;

  /** The store under test: the same data each time it is opened. */
  protected abstract StoreBackend open();

  /** Drops what {@link #open()} created, once the engine and store of the test are closed. */
  protected void dispose() {}

  @AfterEach
  void end() {
    close();
    dispose();
  }

  private void close() {
    if (engine != null) {
      engine.close();
    }
    if (store != null) {
      store.close();
    }
  }

  /** (Re)starts the engine on a freshly opened store, as after a restart of the process. */
  private Baton restart(SnapshotPolicy policy, RunListener... listeners) {
    return restart(policy, b -> b, listeners);
  }

  private Baton restart(
      SnapshotPolicy policy, UnaryOperator<BatonBuilder> more, RunListener... listeners) {
    close();
    store = open();
    engine =
        TestEngine.create(
            b -> {
              b.stores(store)
                  .snapshots(policy)
                  .tool("count", "counts", (a, c) -> "prepared-" + prepared.incrementAndGet())
                  .tool("echo", "echoes", (a, c) -> a);
              for (RunListener l : listeners) {
                b.listener(l);
              }
              return more.apply(b);
            });
    return engine.baton();
  }

  /** Waits, without asking the run's decider, until the run asks a question. */
  private static RunListener questionLatch(CountDownLatch asked) {
    return new RunListener() {
      @Override
      public void onEvent(JournalEntry entry) {
        if (entry.event() instanceof RunEvent.StepWaiting) {
          asked.countDown();
        }
      }
    };
  }

  private static String waitForQuestion(Baton baton, String runId) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      RunView view = baton.status(runId);
      if (!view.pendingInputs().isEmpty()) {
        return view.pendingInputs().getFirst().waitId();
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("run " + runId + " asked nothing within " + TIMEOUT);
  }

  private List<JournalEntry> held(String runId) {
    return store.journal().read(runId, 0);
  }

  @Test
  void aCompactedRunReadsTheSameAndGoesOnAfterARestart() {
    Baton baton = restart(SnapshotPolicy.NONE);
    WorkflowDefinition flow = baton.load(FLOWS.resolve("ask.yaml"));
    String runId = baton.start(flow, Map.of()).id();
    waitForQuestion(baton, runId);
    List<JournalEntry> before = HistoryJournal.of(store).read(runId, 0);
    RunView viewBefore = baton.status(runId);

    SnapshotRecord snapshot = baton.compact(runId, null);

    assertThat(snapshot.label()).isEqualTo("compaction");
    assertThat(snapshot.seq()).isEqualTo(before.size());
    assertThat(held(runId))
        .as("only the newest event stays in the journal")
        .extracting(JournalEntry::seq)
        .containsExactly((long) before.size() - 1);
    assertThat(HistoryJournal.of(store).read(runId, 0)).isEqualTo(before);
    assertThat(HistoryJournal.of(store).read(runId, 2)).isEqualTo(before.subList(2, before.size()));

    baton = restart(SnapshotPolicy.NONE);
    RunView recovered = baton.status(runId);
    assertThat(recovered.status()).isEqualTo(RunStatus.WAITING);
    assertThat(recovered.steps()).isEqualTo(viewBefore.steps());
    assertThat(recovered.lastSeq()).isEqualTo(viewBefore.lastSeq());
    String question = waitForQuestion(baton, runId);
    baton.submitInput(question, "yes", "me");
    RunView done = baton.await(runId, TIMEOUT);

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.outputs()).isEqualTo(Map.of("prepared", "prepared-1", "answer", "yes"));
    assertThat(prepared).as("the compacted step did not run again").hasValue(1);
    List<JournalEntry> history = HistoryJournal.of(store).read(runId, 0);
    assertThat(history.subList(0, before.size())).isEqualTo(before);
    for (int i = 0; i < history.size(); i++) {
      assertThat(history.get(i).seq()).as("positions stay gapless").isEqualTo(i);
    }
  }

  @Test
  void aCompactedRunForksFromAStepAndRestoresFromItsSnapshot() {
    Baton baton = restart(SnapshotPolicy.NONE);
    WorkflowDefinition flow = baton.load(FLOWS.resolve("ask.yaml"));
    String runId = baton.start(flow, Map.of()).id();
    baton.submitInput(waitForQuestion(baton, runId), "first", "me");
    baton.await(runId, TIMEOUT);
    SnapshotRecord snapshot = baton.compact(runId, "done");

    String fork = baton.rerunFrom(runId, "publish", Map.of("edited", true)).id();
    assertThat(baton.await(fork, TIMEOUT).outputs()).isEqualTo(Map.of("edited", true));
    String restored = baton.restore(snapshot.snapshotId(), null).id();
    assertThat(baton.await(restored, TIMEOUT).outputs())
        .isEqualTo(Map.of("prepared", "prepared-1", "answer", "first"));
    assertThat(prepared).as("forks reuse the compacted results").hasValue(1);
    assertThat(HistoryJournal.of(store).read(fork, 0).getFirst().event())
        .isInstanceOfSatisfying(
            RunEvent.RunStarted.class, s -> assertThat(s.forkOf()).isEqualTo(runId));
  }

  @Test
  void aCompactedRunWithoutAnIntactSnapshotSaysWhatIsMissing() {
    Baton baton = restart(SnapshotPolicy.NONE);
    String runId = baton.start(baton.load(FLOWS.resolve("ask.yaml")), Map.of()).id();
    waitForQuestion(baton, runId);
    SnapshotRecord snapshot = baton.compact(runId, null);
    store.snapshots().delete(snapshot.snapshotId());

    assertThatThrownBy(() -> HistoryJournal.of(store).read(runId, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("events 0 to " + (snapshot.seq() - 2) + " of run " + runId)
        .hasMessageContaining("compacted away and no intact snapshot holds them");
  }

  @Test
  void retentionPurgesACompactedRunWhole() {
    Baton baton = restart(SnapshotPolicy.NONE);
    String runId = baton.start(baton.load(FLOWS.resolve("ask.yaml")), Map.of()).id();
    baton.submitInput(waitForQuestion(baton, runId), "x", "me");
    baton.await(runId, TIMEOUT);
    baton.compact(runId, null);

    assertThat(baton.purgeEndedBefore(Instant.now().plus(Duration.ofDays(3650)))).isEqualTo(1);

    assertThat(store.journal().read(runId, 0)).isEmpty();
    assertThat(store.snapshots().list(runId)).isEmpty();
    assertThat(store.runs().find(runId)).isEmpty();
  }

  /** How many iterations the long loop makes: overridden where a store writes slowly. */
  protected int longLoopRounds() {
    return 10_000;
  }

  @Test
  void aLongLoopKeepsItsJournalBoundedAndRecoversAfterARestart() throws Exception {
    int every = 500;
    SnapshotPolicy policy = new SnapshotPolicy(every, true, Set.of(), true, 2);
    AtomicLong longest = new AtomicLong();
    AtomicLong events = new AtomicLong();
    RunListener measure =
        new RunListener() {
          @Override
          public void onEvent(JournalEntry entry) {
            if (events.incrementAndGet() % 97 == 0) {
              longest.accumulateAndGet(held(entry.runId()).size(), Math::max);
            }
          }
        };
    CountDownLatch asked = new CountDownLatch(1);
    Baton baton = restart(policy, measure, questionLatch(asked));
    int rounds = longLoopRounds();
    String runId =
        baton.start(baton.load(FLOWS.resolve("long-loop.yaml")), Map.of("rounds", rounds)).id();
    assertThat(asked.await(10, TimeUnit.MINUTES)).as("the loop ended and the run asked").isTrue();

    long total = HistoryJournal.of(store).read(runId, 0).size();
    assertThat(total).as("the loop journaled many events").isGreaterThan(3L * rounds);
    assertThat(longest.get())
        .as("the journal never held much more than one snapshot interval")
        .isPositive()
        .isLessThanOrEqualTo(every + 10);
    // the snapshot on suspending is taken by a listener called after the test's latch
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while ((held(runId).size() != 1 || store.snapshots().list(runId).size() != 2)
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(held(runId).size())
        .as("suspending took a snapshot and compacted the journal")
        .isEqualTo(1);
    assertThat(store.snapshots().list(runId))
        .as("older automatic snapshots are deleted")
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.label()).startsWith("auto:"));

    baton = restart(policy);
    RunView recovered = baton.status(runId);
    assertThat(recovered.status()).isEqualTo(RunStatus.WAITING);
    assertThat(recovered.step("rounds").status()).isEqualTo(StepStatus.COMPLETED);
    baton.submitInput(waitForQuestion(baton, runId), "ok", "me");
    RunView done = baton.await(runId, TIMEOUT);
    assertThat(done.outputs())
        .isInstanceOfSatisfying(
            Map.class,
            out -> {
              assertThat(((Number) out.get("iterations")).intValue()).isEqualTo(rounds);
              assertThat(((Number) out.get("last")).intValue()).isEqualTo(rounds - 1);
            });
  }

  @Test
  void largeOutputsAreHeldByReferenceAndLoadedOnDemandThroughABoundedCache() {
    int size = 100_000;
    long cache = 250_000;
    List<WeakReference<String>> produced = new ArrayList<>();
    UnaryOperator<BatonBuilder> big =
        b ->
            b.largeValues(10_000, cache)
                .tool(
                    "big",
                    "a large output",
                    (a, c) -> {
                      int index = ((Number) a.get("index")).intValue();
                      String text = String.valueOf((char) ('a' + index)).repeat(size);
                      synchronized (produced) {
                        produced.add(new WeakReference<>(text));
                      }
                      return Map.of("index", a.get("index"), "size", text.length(), "text", text);
                    });
    Baton baton = restart(SnapshotPolicy.NONE, big);
    String runId = baton.start(baton.load(FLOWS.resolve("big-outputs.yaml")), Map.of()).id();

    RunView done = baton.await(runId, TIMEOUT);

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.outputs()).isEqualTo(Map.of("seventh", 7L, "size", (long) size));
    assertThat(done.step("fan[3]/make").output())
        .as("the run holds a reference, not the value")
        .isInstanceOf(StoredValue.class);
    assertThat(produced).hasSize(20);
    for (int i = 0; i < 5 && produced.stream().anyMatch(r -> r.get() != null); i++) {
      System.gc();
    }
    assertThat(produced.stream().filter(r -> r.get() == null).count())
        .as("the outputs the handlers returned are not held by the run")
        .isGreaterThanOrEqualTo(15);
    StoredValues values = StoredValues.of(store);
    for (int i = 0; i < 20; i++) {
      Map<?, ?> output = (Map<?, ?>) done.step("fan[" + i + "]/make").output();
      String text = (String) output.get("text");
      assertThat(text.length()).isEqualTo(size);
      assertThat(text.charAt(size - 1)).isEqualTo((char) ('a' + i));
      assertThat(values.cachedBytes()).as("the cache stays within its size").isLessThan(cache);
    }

    values.configure(10_000, 0); // a new process starts with nothing loaded
    baton = restart(SnapshotPolicy.NONE, big);
    RunView recovered = baton.status(runId);
    assertThat(recovered.step("fan[12]/make").output()).isInstanceOf(StoredValue.class);
    assertThat(StoredValues.of(store).cachedBytes())
        .as("rebuilding the run loaded none of its large values")
        .isZero();
    assertThat(((Map<?, ?>) recovered.step("fan[12]/make").output()).get("index")).isEqualTo(12L);
    assertThat(StoredValues.of(store).cachedBytes()).isPositive();

    assertThat(baton.purgeEndedBefore(Instant.now().plus(Duration.ofDays(3650)))).isEqualTo(1);
    assertThat(
            store.values().find(((StoredValue) recovered.step("fan[12]/make").output()).valueId()))
        .as("retention deletes the run's values")
        .isEmpty();
  }

  @Test
  void forksAndRestoredRunsKeepTheLargeValuesOfASourceThatIsPurged() {
    UnaryOperator<BatonBuilder> big =
        b ->
            b.largeValues(10_000, 0)
                .tool(
                    "big",
                    "a large output",
                    (a, c) -> Map.of("size", 100_000, "text", "t".repeat(100_000)));
    Baton baton = restart(SnapshotPolicy.NONE, big);
    WorkflowDefinition flow = baton.load(FLOWS.resolve("big-ask.yaml"));
    String source = baton.start(flow, Map.of()).id();
    String question = waitForQuestion(baton, source);
    SnapshotRecord snapshot = baton.snapshot(source, null);
    baton.submitInput(question, "first", "me");
    baton.await(source, TIMEOUT);
    String fork = baton.rerunFrom(source, "ask", null).id();
    String restored = baton.restore(snapshot.snapshotId(), null).id();
    waitForQuestion(baton, fork);
    waitForQuestion(baton, restored);

    assertThat(baton.purgeEndedBefore(Instant.now().plus(Duration.ofDays(3650))))
        .as("only the source had ended")
        .isEqualTo(1);
    baton = restart(SnapshotPolicy.NONE, big); // nothing loaded, nothing cached

    for (String run : List.of(fork, restored)) {
      baton.submitInput(waitForQuestion(baton, run), run, "me");
      RunView done = baton.await(run, TIMEOUT);
      assertThat(done.status()).as(run).isEqualTo(RunStatus.COMPLETED);
      assertThat(done.outputs()).isEqualTo(Map.of("size", 100_000L, "answer", run));
    }
  }
}
