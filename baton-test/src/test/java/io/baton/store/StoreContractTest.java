package io.baton.store;

import static io.baton.store.StoreFixtures.at;
import static io.baton.store.StoreFixtures.definition;
import static io.baton.store.StoreFixtures.events;
import static io.baton.store.StoreFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.run.WaitKind;
import io.baton.api.store.ConcurrentModificationException;
import io.baton.api.store.RunQuery;
import io.baton.api.store.RunRecord;
import io.baton.api.store.SnapshotRecord;
import io.baton.api.store.StoreBackend;
import io.baton.api.store.StoredRun;
import io.baton.api.store.TimerRecord;
import io.baton.api.store.WaitRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of Baton's store SPIs, which every backend passes: in memory, H2, PostgreSQL. A
 * subclass opens an empty backend for each test.
 */
public abstract class StoreContractTest implements ValueStoreContract {
  protected StoreBackend store;

  @Override
  public io.baton.api.store.ValueStore values() {
    return store.values();
  }

  /** A backend; closed after the test. */
  protected abstract StoreBackend open();

  /** Empties {@code backend} when {@link #open()} may give one with data of an earlier test. */
  protected void empty(StoreBackend backend) {}

  @BeforeEach
  void openStore() {
    store = open();
    empty(store);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  // --- journal

  @Test
  void theJournalReadsBackWhatWasAppendedInOrderFromAnyPosition() {
    store.journal().append("r1", 0, events("r1", 0, 3));
    store.journal().append("r1", 3, events("r1", 3, 2));
    store.journal().append("r2", 0, events("r2", 0, 1));

    List<JournalEntry> all = store.journal().read("r1", 0);
    assertThat(all).extracting(JournalEntry::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(all).extracting(JournalEntry::event).isEqualTo(events("r1", 0, 5));
    assertThat(all).extracting(JournalEntry::runId).containsOnly("r1");
    assertThat(store.journal().read("r1", 3))
        .extracting(JournalEntry::event)
        .isEqualTo(events("r1", 3, 2));
    assertThat(store.journal().read("r1", 5)).isEmpty();
    assertThat(store.journal().read("unknown", 0)).isEmpty();
  }

  @Test
  void anAppendBehindTheJournalConflictsNamingTheActualPositionAndWritesNothing() {
    store.journal().append("r1", 0, events("r1", 0, 3));

    assertThatThrownBy(() -> store.journal().append("r1", 1, events("x", 1, 2)))
        .isInstanceOf(ConcurrentModificationException.class)
        .hasMessageContaining("journal of run r1")
        .hasMessageContaining("expected version 1 but found 3");
    assertThat(store.journal().read("r1", 0))
        .extracting(JournalEntry::event)
        .isEqualTo(events("r1", 0, 3));
  }

  @Test
  void anAppendBeyondTheEndConflictsRatherThanLeavingAGap() {
    store.journal().append("r1", 0, events("r1", 0, 2));

    assertThatThrownBy(() -> store.journal().append("r1", 5, events("r1", 5, 1)))
        .isInstanceOf(ConcurrentModificationException.class)
        .hasMessageContaining("expected version 5 but found 2");
    assertThatThrownBy(() -> store.journal().append("new", 1, events("new", 1, 1)))
        .isInstanceOf(ConcurrentModificationException.class)
        .hasMessageContaining("found 0");
    assertThat(store.journal().read("r1", 0)).hasSize(2);
    assertThat(store.journal().read("new", 0)).isEmpty();
  }

  @Test
  void deletingAJournalForgetsItAndItsPositions() {
    store.journal().append("r1", 0, events("r1", 0, 3));
    store.journal().append("r2", 0, events("r2", 0, 1));

    store.journal().delete("r1");
    store.journal().delete("never-existed");

    assertThat(store.journal().read("r1", 0)).isEmpty();
    assertThat(store.journal().read("r2", 0)).hasSize(1);
    store.journal().append("r1", 0, events("again", 0, 1));
    assertThat(store.journal().read("r1", 0))
        .extracting(JournalEntry::event)
        .isEqualTo(events("again", 0, 1));
  }

  @Test
  void compactionRemovesTheEventsBelowAPositionButTheNewestAndKeepsEveryPosition() {
    store.journal().append("r1", 0, events("r1", 0, 6));
    store.journal().append("r2", 0, events("r2", 0, 3));

    assertThat(store.journal().compact("r1", 4)).isEqualTo(4);

    assertThat(store.journal().read("r1", 0))
        .as("reads from a compacted position start at the oldest event left")
        .extracting(JournalEntry::seq)
        .containsExactly(4L, 5L);
    assertThat(store.journal().read("r1", 5))
        .extracting(JournalEntry::event)
        .isEqualTo(events("r1", 5, 1));
    store.journal().append("r1", 6, events("r1", 6, 2));
    assertThat(store.journal().read("r1", 0))
        .extracting(JournalEntry::event)
        .isEqualTo(events("r1", 4, 4));
    assertThatThrownBy(() -> store.journal().append("r1", 4, events("x", 4, 1)))
        .isInstanceOf(ConcurrentModificationException.class)
        .hasMessageContaining("expected version 4 but found 8");
    assertThat(store.journal().read("r2", 0)).hasSize(3);

    assertThat(store.journal().compact("r1", 100))
        .as("the newest event stays: the next append is checked against it")
        .isEqualTo(3);
    assertThat(store.journal().read("r1", 0)).extracting(JournalEntry::seq).containsExactly(7L);
    store.journal().append("r1", 8, events("r1", 8, 1));
    assertThat(store.journal().read("r1", 0)).extracting(JournalEntry::seq).containsExactly(7L, 8L);
    assertThat(store.journal().compact("r1", 3)).isZero();
    assertThat(store.journal().compact("unknown", 3)).isZero();
  }

  @Test
  void aCompactedBigEventIsRemovedAndABigEventAfterTheCutStillReadsBack() {
    String big = "z".repeat(300 * 1024);
    RunEvent early = new RunEvent.StepCompleted(at(1), "early", 1, big);
    RunEvent late = new RunEvent.StepCompleted(at(2), "late", 1, big + "!");
    store.journal().append("r1", 0, List.of(early, events("r1", 1, 1).getFirst(), late));
    store.journal().append("r1", 3, events("r1", 3, 1));

    store.journal().compact("r1", 2);

    List<JournalEntry> left = store.journal().read("r1", 0);
    assertThat(left).extracting(JournalEntry::seq).containsExactly(2L, 3L);
    assertThat(left.getFirst().event()).isEqualTo(late);
  }

  @Test
  void aBigEventReadsBackWhole() {
    String big = "ä".repeat(200_000) + "/" + "x".repeat(150_000);
    RunEvent event = new RunEvent.StepCompleted(at(1), "big", 1, Map.of("text", big));
    store.journal().append("r1", 0, events("r1", 0, 1));
    store.journal().append("r1", 1, List.of(event, events("r1", 2, 1).getFirst()));

    List<JournalEntry> read = store.journal().read("r1", 0);
    assertThat(read).hasSize(3);
    assertThat(read.get(1).event()).isEqualTo(event);
    assertThat(read.get(2).event()).isEqualTo(events("r1", 2, 1).getFirst());
  }

  @Test
  void concurrentAppendsOfManyRunsLoseAndDuplicateNothing() throws Exception {
    int threads = 16;
    int runsPerThread = 4;
    int eventsPerRun = 25;
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < eventsPerRun; i++) {
                    for (int r = 0; r < runsPerThread; r++) {
                      String runId = "t" + thread + "-r" + r;
                      store.journal().append(runId, i, events(runId, i, 1));
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    for (int t = 0; t < threads; t++) {
      for (int r = 0; r < runsPerThread; r++) {
        String runId = "t" + t + "-r" + r;
        assertThat(store.journal().read(runId, 0))
            .extracting(JournalEntry::event)
            .isEqualTo(events(runId, 0, eventsPerRun));
      }
    }
  }

  @Test
  void writersRacingForOneJournalEachGetTheirEventsInExactlyOnce() throws Exception {
    int writers = 8;
    int each = 15;
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      List<Future<Integer>> conflicts = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String writer = "w" + w;
        conflicts.add(pool.submit(() -> appendRacing("shared", writer, each)));
      }
      for (Future<Integer> f : conflicts) {
        f.get();
      }
    }
    List<JournalEntry> all = store.journal().read("shared", 0);
    assertThat(all).hasSize(writers * each);
    assertThat(all).extracting(JournalEntry::seq).doesNotHaveDuplicates();
    for (int w = 0; w < writers; w++) {
      String writer = "w" + w;
      List<Object> ownPaths =
          all.stream()
              .map(e -> ((RunEvent.StepCompleted) e.event()).path())
              .filter(p -> p.startsWith(writer + ":"))
              .map(p -> (Object) p)
              .toList();
      List<Object> expected = new ArrayList<>();
      for (int i = 0; i < each; i++) {
        expected.add(writer + ":" + i);
      }
      assertThat(ownPaths).as("events of %s, in order, once each", writer).isEqualTo(expected);
    }
  }

  /** Appends {@code n} events as {@code writer}, re-reading the length after each conflict. */
  private int appendRacing(String runId, String writer, int n) {
    int conflicts = 0;
    for (int i = 0; i < n; ) {
      long length = store.journal().read(runId, 0).size();
      try {
        RunEvent e = new RunEvent.StepCompleted(at(i), writer + ":" + i, 1, (long) i);
        store.journal().append(runId, length, List.of(e));
        i++;
      } catch (ConcurrentModificationException expected) {
        conflicts++;
      }
    }
    return conflicts;
  }

  // --- runs

  @Test
  void aRunIsSavedFoundAndUpdatedByVersion() {
    RunRecord created = run("r1", "wf", RunStatus.PENDING, 0);
    store.runs().save(created);
    assertThat(store.runs().find("r1")).contains(created);

    RunRecord running = created.with(RunStatus.RUNNING, at(5), 2);
    store.runs().save(running);
    assertThat(store.runs().find("r1")).contains(running);
    assertThat(store.runs().find("unknown")).isEmpty();
  }

  @Test
  void aStaleOrDuplicateSaveOfARunConflicts() {
    RunRecord created = run("r1", "wf", RunStatus.PENDING, 0);
    store.runs().save(created);
    store.runs().save(created.with(RunStatus.RUNNING, at(5), 2));

    assertThatThrownBy(() -> store.runs().save(created.with(RunStatus.FAILED, at(6), 2)))
        .isInstanceOf(ConcurrentModificationException.class)
        .hasMessageContaining("run r1")
        .hasMessageContaining("expected version 1 but found 2");
    assertThatThrownBy(() -> store.runs().save(created))
        .isInstanceOf(ConcurrentModificationException.class);
    assertThatThrownBy(
            () ->
                store
                    .runs()
                    .save(
                        run("absent", "wf", RunStatus.RUNNING, 0)
                            .with(RunStatus.RUNNING, at(1), 3)))
        .isInstanceOf(ConcurrentModificationException.class)
        .hasMessageContaining("found 0");
    assertThat(store.runs().find("r1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
  }

  @Test
  void racingSaversOfOneRunWinOncePerVersion() throws Exception {
    store.runs().save(run("r1", "wf", RunStatus.PENDING, 0));
    int savers = 8;
    try (ExecutorService pool = Executors.newFixedThreadPool(savers)) {
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (int s = 0; s < savers; s++) {
        int saver = s;
        outcomes.add(
            pool.submit(
                () -> {
                  RunRecord mine =
                      store
                          .runs()
                          .find("r1")
                          .orElseThrow()
                          .with(RunStatus.RUNNING, at(10 + saver), 2);
                  try {
                    store.runs().save(mine);
                    return true;
                  } catch (ConcurrentModificationException e) {
                    return false;
                  }
                }));
      }
      int wins = 0;
      for (Future<Boolean> f : outcomes) {
        wins += f.get() ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
    }
    assertThat(store.runs().find("r1").orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void runsAreListedNewestFirstByWorkflowAndStatusAPageAtATime() {
    for (int i = 0; i < 12; i++) {
      RunStatus status = i % 3 == 0 ? RunStatus.COMPLETED : RunStatus.RUNNING;
      store.runs().save(run("r" + i, i % 2 == 0 ? "even" : "odd", status, i));
    }

    assertThat(store.runs().list(RunQuery.all(5)))
        .extracting(RunRecord::runId)
        .containsExactly("r11", "r10", "r9", "r8", "r7");
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < 14; offset += 5) {
      store.runs().list(new RunQuery(null, Set.of(), offset, 5)).forEach(r -> paged.add(r.runId()));
    }
    assertThat(paged)
        .containsExactly("r11", "r10", "r9", "r8", "r7", "r6", "r5", "r4", "r3", "r2", "r1", "r0");
    assertThat(store.runs().list(new RunQuery("even", Set.of(), 0, 100)))
        .extracting(RunRecord::runId)
        .containsExactly("r10", "r8", "r6", "r4", "r2", "r0");
    assertThat(store.runs().list(new RunQuery(null, Set.of(RunStatus.COMPLETED), 1, 2)))
        .extracting(RunRecord::runId)
        .containsExactly("r6", "r3");
    assertThat(
            store
                .runs()
                .list(new RunQuery("odd", Set.of(RunStatus.COMPLETED, RunStatus.FAILED), 0, 10)))
        .extracting(RunRecord::runId)
        .containsExactly("r9", "r3");
    assertThat(store.runs().list(new RunQuery("none", Set.of(), 0, 10))).isEmpty();
  }

  @Test
  void unfinishedRunsAreThoseNotEndedAndRetentionFindsTheOldestEndedFirst() {
    store.runs().save(run("pending", "wf", RunStatus.PENDING, 0));
    store.runs().save(run("waiting", "wf", RunStatus.WAITING, 1));
    RunRecord a = run("a", "wf", RunStatus.RUNNING, 2);
    store.runs().save(a);
    store.runs().save(a.with(RunStatus.COMPLETED, at(30), 2));
    RunRecord b = run("b", "wf", RunStatus.RUNNING, 3);
    store.runs().save(b);
    store.runs().save(b.with(RunStatus.FAILED, at(20), 2));
    store.runs().save(run("c", "wf", RunStatus.CANCELLED, 40));

    assertThat(store.runs().unfinished()).containsExactlyInAnyOrder("pending", "waiting");
    assertThat(store.runs().endedBefore(at(35), 10)).containsExactly("b", "a");
    assertThat(store.runs().endedBefore(at(35), 1)).containsExactly("b");
    assertThat(store.runs().endedBefore(at(20), 10)).isEmpty();
    assertThat(store.runs().endedBefore(at(41), 10)).containsExactly("b", "a", "c");
  }

  @Test
  void aDeletedRunIsGone() {
    store.runs().save(run("r1", "wf", RunStatus.COMPLETED, 0));
    store.runs().save(run("r2", "wf", RunStatus.COMPLETED, 1));
    store.runs().delete("r1");
    store.runs().delete("never-existed");
    assertThat(store.runs().find("r1")).isEmpty();
    assertThat(store.runs().list(RunQuery.all(10)))
        .extracting(RunRecord::runId)
        .containsExactly("r2");
    store.runs().save(run("r1", "wf", RunStatus.PENDING, 2));
    assertThat(store.runs().find("r1")).isPresent();
  }

  // --- a run with its journal

  @Test
  void aRunLoadsWithItsSummaryAndWholeJournalBigEventsIncluded() {
    RunRecord started = run("r1", "wf", RunStatus.RUNNING, 0);
    store.runs().save(started);
    RunRecord waiting = started.with(RunStatus.WAITING, at(3), 2);
    store.runs().save(waiting);
    RunEvent big = new RunEvent.StepCompleted(at(2), "big", 1, "b".repeat(300 * 1024));
    store.journal().append("r1", 0, events("r1", 0, 2));
    store.journal().append("r1", 2, List.of(big, events("r1", 3, 1).getFirst()));
    store.runs().save(run("r2", "wf", RunStatus.RUNNING, 1));
    store.journal().append("r2", 0, events("r2", 0, 1));

    StoredRun loaded = store.loadRun("r1").orElseThrow();

    assertThat(loaded.record()).isEqualTo(waiting);
    assertThat(loaded.journal()).isEqualTo(store.journal().read("r1", 0));
    assertThat(loaded.journal()).extracting(JournalEntry::seq).containsExactly(0L, 1L, 2L, 3L);
    assertThat(loaded.journal().get(2).event()).isEqualTo(big);
  }

  @Test
  void aRunWithoutEventsLoadsWithAnEmptyJournalAndOneWithoutASummaryNotAtAll() {
    store.runs().save(run("fresh", "wf", RunStatus.PENDING, 0));
    store.journal().append("orphan", 0, events("orphan", 0, 2));

    assertThat(store.loadRun("fresh").orElseThrow().journal()).isEmpty();
    assertThat(store.loadRun("orphan")).isEmpty();
    assertThat(store.loadRun("unknown")).isEmpty();
  }

  @Test
  void aCompactedRunLoadsWithTheEventsItsJournalStillHolds() {
    store.runs().save(run("r1", "wf", RunStatus.RUNNING, 0));
    store.journal().append("r1", 0, events("r1", 0, 5));
    store.journal().compact("r1", 3);

    assertThat(store.loadRun("r1").orElseThrow().journal())
        .extracting(JournalEntry::seq)
        .containsExactly(3L, 4L);
  }

  // --- timers

  @Test
  void timersAreDueInOrderReplacedAndCancelled() {
    store.timers().schedule(new TimerRecord("t3", "r1", "s3", at(30)));
    store.timers().schedule(new TimerRecord("t1", "r1", "s1", at(10)));
    store.timers().schedule(new TimerRecord("t2", "r2", null, at(20)));

    assertThat(store.timers().next()).contains(new TimerRecord("t1", "r1", "s1", at(10)));
    assertThat(store.timers().dueBefore(at(20), 10))
        .extracting(TimerRecord::timerId)
        .containsExactly("t1", "t2");
    assertThat(store.timers().dueBefore(at(30), 2))
        .extracting(TimerRecord::timerId)
        .containsExactly("t1", "t2");
    assertThat(store.timers().dueBefore(at(5), 10)).isEmpty();

    store.timers().schedule(new TimerRecord("t1", "r1", "s1", at(40)));
    assertThat(store.timers().next()).contains(new TimerRecord("t2", "r2", null, at(20)));
    store.timers().cancel("t2");
    store.timers().cancel("never-existed");
    assertThat(store.timers().dueBefore(at(100), 10))
        .containsExactly(
            new TimerRecord("t3", "r1", "s3", at(30)), new TimerRecord("t1", "r1", "s1", at(40)));
    store.timers().cancel("t1");
    store.timers().cancel("t3");
    assertThat(store.timers().next()).isEmpty();
  }

  @Test
  void aDueTimerIsClaimedOnceUntilItsHoldEnds() {
    TimerRecord t1 = new TimerRecord("t1", "r1", "s1", at(10));
    TimerRecord t2 = new TimerRecord("t2", "r2", null, at(20));
    TimerRecord t3 = new TimerRecord("t3", "r3", null, at(50));
    List.of(t3, t1, t2).forEach(store.timers()::schedule);
    Duration hold = Duration.ofSeconds(15);

    assertThat(store.timers().claimDue(at(30), hold, 10)).containsExactly(t1, t2);
    assertThat(store.timers().claimDue(at(30), hold, 10)).as("held by the first").isEmpty();
    assertThat(store.timers().next()).map(TimerRecord::dueAt).contains(at(45));
    assertThat(store.timers().claimDue(at(44), hold, 10)).isEmpty();

    store.timers().cancel("t1"); // delivered
    // the holder of t2 died: it is due again once the hold ends
    assertThat(store.timers().claimDue(at(45), hold, 10))
        .containsExactly(new TimerRecord("t2", "r2", null, at(45)));
    store.timers().schedule(new TimerRecord("t2", "r2", null, at(52))); // replaced: not held
    assertThat(store.timers().claimDue(at(55), hold, 1)).containsExactly(t3);
    assertThat(store.timers().claimDue(at(55), hold, 5))
        .containsExactly(new TimerRecord("t2", "r2", null, at(52)));
  }

  // --- waits

  @Test
  void waitsAreFoundByIdByEventAndKeyAndHumanOnesOldestFirst() {
    WaitRecord human1 = new WaitRecord("h1", "r1", "ask", WaitKind.HUMAN, null, null);
    WaitRecord keyed = new WaitRecord("e1", "r2", "w", WaitKind.EVENT, "paid", "order-7");
    WaitRecord any = new WaitRecord("e2", "r3", "w", WaitKind.EVENT, "paid", null);
    WaitRecord other = new WaitRecord("e3", "r4", "w", WaitKind.EVENT, "shipped", "order-7");
    WaitRecord human2 = new WaitRecord("h2", "r5", "ask", WaitKind.HUMAN, null, null);
    for (WaitRecord w : List.of(human2, keyed, any, other, human1)) {
      store.waits().register(w);
    }
    store.waits().register(new WaitRecord("h2", "changed", "x", WaitKind.HUMAN, null, null));

    assertThat(store.waits().find("h2")).contains(human2);
    assertThat(store.waits().find("missing")).isEmpty();
    assertThat(store.waits().findByEvent("paid", "order-7")).containsExactlyInAnyOrder(keyed, any);
    assertThat(store.waits().findByEvent("paid", "order-8")).containsExactly(any);
    assertThat(store.waits().findByEvent("paid", null)).containsExactly(any);
    assertThat(store.waits().findByEvent("refunded", "order-7")).isEmpty();
    assertThat(store.waits().humanWaits(10)).containsExactly(human2, human1);
    assertThat(store.waits().humanWaits(1)).containsExactly(human2);

    store.waits().remove("h2");
    store.waits().remove("missing");
    assertThat(store.waits().find("h2")).isEmpty();
    assertThat(store.waits().humanWaits(10)).containsExactly(human1);
  }

  // --- definitions

  @Test
  void definitionsReadBackEqualAndTheLatestIsTheLastSaved() {
    WorkflowDefinition v2 = definition("flow", "2", "second");
    WorkflowDefinition v1 = definition("flow", "1", "first");
    WorkflowDefinition other = definition("other", "7", "x");
    store.definitions().save(v2);
    store.definitions().save(v1);
    store.definitions().save(other);

    assertThat(store.definitions().find("flow", "2")).contains(v2);
    assertThat(store.definitions().find("flow", "1")).contains(v1);
    assertThat(store.definitions().find("flow", "3")).isEmpty();
    assertThat(store.definitions().latest("flow")).contains(v1);
    assertThat(store.definitions().latest("missing")).isEmpty();
    assertThat(store.definitions().list()).containsExactlyInAnyOrder(v1, other);

    WorkflowDefinition v2again = definition("flow", "2", "replaced");
    store.definitions().save(v2again);
    assertThat(store.definitions().find("flow", "2")).contains(v2again);
    assertThat(store.definitions().latest("flow")).contains(v2again);
    assertThat(store.definitions().list()).containsExactlyInAnyOrder(v2again, other);
  }

  // --- snapshots

  @Test
  void snapshotsComeBackByteForByteOldestFirst() {
    byte[] payload = new byte[70_000];
    new Random(42).nextBytes(payload);
    payload[0] = 0;
    SnapshotRecord late = new SnapshotRecord("s2", "r1", 9, "manual", at(9), payload, "abc123");
    SnapshotRecord early =
        new SnapshotRecord("s1", "r1", 3, "before-step:x", at(3), new byte[] {0, 1, 2}, "def");
    SnapshotRecord otherRun = new SnapshotRecord("s3", "r2", 1, null, at(1), new byte[0], "e");
    store.snapshots().save(late);
    store.snapshots().save(early);
    store.snapshots().save(otherRun);

    SnapshotRecord found = store.snapshots().find("s2").orElseThrow();
    assertThat(found).isEqualTo(late);
    assertThat(found.payload()).isEqualTo(payload);
    assertThat(found.checksum()).isEqualTo("abc123");
    assertThat(store.snapshots().find("missing")).isEmpty();
    assertThat(store.snapshots().list("r1")).containsExactly(early, late);
    assertThatThrownBy(() -> store.snapshots().save(early))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s1");

    store.snapshots().delete("s1");
    store.snapshots().delete("missing");
    assertThat(store.snapshots().list("r1")).containsExactly(late);

    store.snapshots().deleteRun("r1");
    assertThat(store.snapshots().list("r1")).isEmpty();
    assertThat(store.snapshots().find("s3")).contains(otherRun);
  }

  @Test
  void theBackendDescribesItself() {
    assertThat(store.describe()).isNotBlank();
    Set<Object> stores =
        new HashSet<>(
            List.of(
                store.journal(),
                store.runs(),
                store.timers(),
                store.waits(),
                store.definitions(),
                store.snapshots()));
    assertThat(stores).hasSize(6);
  }
}
