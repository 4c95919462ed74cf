package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.definition.HumanStep;
import io.baton.api.definition.TimeoutAction;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.store.DefinitionStore;
import io.baton.api.store.IndexChange;
import io.baton.api.store.Journal;
import io.baton.api.store.RunCommit;
import io.baton.api.store.RunCommitter;
import io.baton.api.store.RunStore;
import io.baton.api.store.SnapshotStore;
import io.baton.api.store.SqlWrite;
import io.baton.api.store.StoreBackend;
import io.baton.api.store.StoreUnavailableException;
import io.baton.api.store.TimerStore;
import io.baton.api.store.ValueStore;
import io.baton.api.store.WaitStore;
import io.baton.engine.runtime.StartRequest;
import io.baton.engine.store.StoreSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a backend that offers atomic commits, each drain of a run's decider is one commit holding
 * its events, the waits and timers they call for and the run's summary — and nothing goes to the
 * journal or the indexes by another way; a start carrying the application's writes saves the run's
 * record with them in one commit, and is refused by a backend without atomic commits.
 */
class DrainCommitsTest extends EngineTest {
  private final CommittingStores stores = new CommittingStores();

  @BeforeEach
  void setUp() {
    engine(b -> b.stores(stores).tool("echo", "echo", (args, ctx) -> args));
  }

  private static WorkflowDefinition approval() {
    return flow(
        "approval",
        new HumanStep(
            step("ask").timeout(Duration.ofHours(1)).build(),
            "Go?",
            Map.of(),
            List.of(),
            TimeoutAction.USE_DEFAULT,
            Map.of("go", "by default")),
        tool("after", "echo", map("go", "${steps.ask.output.go}"), "ask"));
  }

  @Test
  void theDrainThatSuspendsAStepCommitsItsWaitAndTimerWithItsEvents() {
    String runId = baton.start(approval(), Map.of()).id();
    firstWaitId(runId);

    RunCommit suspending =
        stores.commits.stream()
            .filter(c -> c.events().stream().anyMatch(RunEvent.StepWaiting.class::isInstance))
            .findFirst()
            .orElseThrow();
    assertThat(suspending.indexChanges())
        .hasAtLeastOneElementOfType(IndexChange.WaitAdded.class)
        .hasAtLeastOneElementOfType(IndexChange.TimerScheduled.class);
    assertThat(suspending.record()).isNotNull();
    assertThat(suspending.record().status()).isEqualTo(RunStatus.WAITING);

    // the timer went to the store inside the commit: the alarm must still ring for it
    clock.advance(Duration.ofHours(1));
    RunView done = awaitEnd(runId);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.outputs()).isEqualTo(Map.of("go", "by default"));
    assertJournalIsGapless(runId);
  }

  @Test
  void aCommitTheStoreRefusesIsWrittenWholeWhenTriedAgain() {
    stores.refuseNext.set(3);
    String runId = baton.start(approval(), Map.of()).id();
    while (stores.refuseNext.get() > 0) {
      awaitRetryScheduled();
      clock.advance(Duration.ofSeconds(1)); // the stalled run tries again after a pause
    }
    String waitId = firstWaitId(runId);
    assertThat(stores.refused.get()).isEqualTo(3);

    assertThat(baton.submitInput(waitId, Map.of("go", "yes"), "ann")).isTrue();
    RunView done = awaitEnd(runId);
    assertThat(done.outputs()).isEqualTo(Map.of("go", "yes"));
    assertJournalIsGapless(runId);
    assertThat(stores.memory.waits().find(waitId)).as("the answered wait left the index").isEmpty();
  }

  @Test
  void aStartCarryingTheApplicationsWritesCommitsThemWithTheRunsRecord() {
    List<SqlWrite> rows =
        List.of(SqlWrite.of("INSERT INTO app_index (run_id) VALUES (?)", "r-app"));
    baton.start(approval(), Map.of(), StartRequest.of("r-app", null).withAlongside(rows));

    RunCommit start = stores.commits.getFirst();
    assertThat(start.runId()).isEqualTo("r-app");
    assertThat(start.alongside()).isEqualTo(rows);
    assertThat(start.events()).as("the first events come with the first drain").isEmpty();
    assertThat(start.record().status()).isEqualTo(RunStatus.PENDING);
    assertThat(start.record().version()).isEqualTo(1);
    firstWaitId("r-app");
    assertThat(stores.commits.stream().skip(1))
        .allSatisfy(c -> assertThat(c.alongside()).isEmpty());
  }

  @Test
  void aStoreWithoutAtomicCommitsRefusesAStartCarryingWritesAndSavesNothing() {
    StoreSet plain = StoreSet.inMemory();
    engine(b -> b.stores(plain).tool("echo", "echo", (args, ctx) -> args));
    StartRequest request =
        StartRequest.of("r-app", null)
            .withAlongside(
                List.of(SqlWrite.of("INSERT INTO app_index (run_id) VALUES (?)", "r-app")));

    assertThatThrownBy(() -> baton.start(approval(), Map.of(), request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one transaction");
    assertThat(plain.runs().find("r-app")).isEmpty();
    assertThat(plain.definitions().latest("approval")).as("nothing saved").isEmpty();
  }

  /** The stalled run has set its pause: until the first commit, its only timer. */
  private void awaitRetryScheduled() {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (clock.pendingTimers().isEmpty()) {
      assertThat(System.nanoTime()).as("the stalled run sets a pause").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  private void assertJournalIsGapless(String runId) {
    List<JournalEntry> journal = stores.memory.journal().read(runId, 0);
    for (int i = 0; i < journal.size(); i++) {
      assertThat(journal.get(i).seq()).isEqualTo(i);
    }
    assertThat(journal.stream().filter(e -> e.event() instanceof RunEvent.StepWaiting))
        .as("the step asked once")
        .hasSize(1);
  }

  /**
   * In-memory stores whose atomic commits apply a whole decision under one lock, and whose journal
   * and indexes refuse writes made any other way.
   */
  private static final class CommittingStores implements StoreBackend, RunCommitter {
    final StoreSet memory = StoreSet.inMemory();
    final List<RunCommit> commits = new CopyOnWriteArrayList<>();
    final AtomicInteger refuseNext = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();

    @Override
    public synchronized void commit(RunCommit c) {
      if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        refused.incrementAndGet();
        throw new StoreUnavailableException("the test's database is down");
      }
      memory.journal().append(c.runId(), c.expectedSeq(), c.events());
      for (IndexChange change : c.indexChanges()) {
        switch (change) {
          case IndexChange.WaitAdded a -> memory.waits().register(a.record());
          case IndexChange.WaitRemoved r -> memory.waits().remove(r.waitId());
          case IndexChange.TimerScheduled s -> memory.timers().schedule(s.timer());
          case IndexChange.TimerCancelled x -> memory.timers().cancel(x.timerId());
        }
      }
      if (c.record() != null) {
        memory.runs().save(c.record());
      }
      commits.add(c);
    }

    @Override
    public Optional<RunCommitter> atomicCommits() {
      return Optional.of(this);
    }

    @Override
    public Journal journal() {
      Journal journal = memory.journal();
      return new Journal() {
        @Override
        public void append(String runId, long expectedSeq, List<RunEvent> events) {
          throw new AssertionError("an append outside a commit");
        }

        @Override
        public List<JournalEntry> read(String runId, long fromSeq) {
          return journal.read(runId, fromSeq);
        }

        @Override
        public void delete(String runId) {
          journal.delete(runId);
        }
      };
    }

    @Override
    public RunStore runs() {
      return memory.runs();
    }

    @Override
    public TimerStore timers() {
      return memory.timers();
    }

    @Override
    public WaitStore waits() {
      return memory.waits();
    }

    @Override
    public DefinitionStore definitions() {
      return memory.definitions();
    }

    @Override
    public SnapshotStore snapshots() {
      return memory.snapshots();
    }

    @Override
    public ValueStore values() {
      return memory.values();
    }

    @Override
    public String describe() {
      return "committing-memory";
    }
  }
}
