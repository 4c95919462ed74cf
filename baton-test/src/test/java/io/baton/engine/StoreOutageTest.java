package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.HumanStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.store.Journal;
import io.baton.api.store.StoreUnavailableException;
import io.baton.api.store.WaitRecord;
import io.baton.api.store.WaitStore;
import io.baton.engine.store.InMemoryDefinitionStore;
import io.baton.engine.store.InMemoryJournal;
import io.baton.engine.store.InMemoryRunStore;
import io.baton.engine.store.InMemoryTimerStore;
import io.baton.engine.store.InMemoryWaitStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * When the database goes away mid-run, runs stall with everything they had — a handler's result
 * included — and go on when it is back: nothing is lost, nothing runs twice.
 */
class StoreOutageTest extends EngineTest {
  private final Outage outage = new Outage();
  private final FlakyJournal journal = new FlakyJournal();
  private final FlakyWaits waits = new FlakyWaits();

  /** The database's availability, and a count of the writes it refused. */
  private static final class Outage {
    private volatile boolean down;
    private final Semaphore refused = new Semaphore(0);

    void check(String what) {
      if (down) {
        refused.release();
        throw new StoreUnavailableException("database unreachable while writing " + what);
      }
    }

    void awaitRefused(int n) throws InterruptedException {
      assertThat(refused.tryAcquire(n, 10, TimeUnit.SECONDS)).as(n + " refused writes").isTrue();
    }
  }

  private final class FlakyJournal implements Journal {
    private final Journal inner = new InMemoryJournal();

    @Override
    public void append(String runId, long expectedSeq, List<RunEvent> events) {
      outage.check("the journal");
      inner.append(runId, expectedSeq, events);
    }

    @Override
    public List<JournalEntry> read(String runId, long fromSeq) {
      return inner.read(runId, fromSeq);
    }

    @Override
    public void delete(String runId) {
      inner.delete(runId);
    }
  }

  private final class FlakyWaits implements WaitStore {
    private final WaitStore inner = new InMemoryWaitStore();
    private volatile boolean down;

    @Override
    public void register(WaitRecord wait) {
      if (down) {
        outage.refused.release();
        throw new StoreUnavailableException("database unreachable while indexing a wait");
      }
      inner.register(wait);
    }

    @Override
    public void remove(String waitId) {
      inner.remove(waitId);
    }

    @Override
    public Optional<WaitRecord> find(String waitId) {
      return inner.find(waitId);
    }

    @Override
    public List<WaitRecord> findByEvent(String eventName, String correlationKey) {
      return inner.findByEvent(eventName, correlationKey);
    }

    @Override
    public List<WaitRecord> humanWaits(int limit) {
      return inner.humanWaits(limit);
    }
  }

  private Blocker work;

  /** Waits until the stalled run has set its retry {@code pause} from now, then lets it pass. */
  private void retryIn(Duration pause) {
    java.time.Instant due = clock.now().plus(pause);
    long deadline = System.nanoTime() + EventLog.TIMEOUT.toNanos();
    while (!clock.pendingTimers().contains(due)) {
      assertThat(System.nanoTime()).as("a retry is set for " + due).isLessThan(deadline);
      Thread.onSpinWait();
    }
    clock.advance(pause);
  }

  private void engineWithFlakyStores() {
    work = blocker(args -> "worked");
    engine(
        b ->
            b.stores(
                    journal,
                    new InMemoryRunStore(),
                    new InMemoryTimerStore(),
                    waits,
                    new InMemoryDefinitionStore())
                .tool("work", "blocks", work)
                .tool("echo", "echo", (a, c) -> a));
  }

  private static WorkflowDefinition workThenAsk() {
    return flow(
        "outage",
        tool("work", "work", map()),
        new HumanStep(step("ask").after("work").build(), "?", Map.of(), List.of(), null, null),
        tool("after", "echo", map("answer", "${steps.ask.output}"), "ask"));
  }

  @Test
  void aResultThatArrivesWhileTheJournalIsDownIsKeptAndJournaledOnceItIsBack() throws Exception {
    engineWithFlakyStores();
    var run = baton.start(workThenAsk(), Map.of());
    work.awaitStarted(1);
    outage.down = true;
    work.releaseAll();
    outage.awaitRefused(1);
    retryIn(Duration.ofMillis(100));
    outage.awaitRefused(1);
    retryIn(Duration.ofMillis(200));
    outage.awaitRefused(1);

    outage.down = false;
    retryIn(Duration.ofMillis(400));
    RunView waiting = waitForStatus(run.id(), RunStatus.WAITING);
    assertThat(work.calls()).as("the handler ran once: its result was not lost").isEqualTo(1);
    assertThat(waiting.step("work").output()).isEqualTo("worked");

    assertThat(baton.submitInput(waiting.pendingInputs().getFirst().waitId(), "yes", "me"))
        .isTrue();
    assertThat(run.await(EventLog.TIMEOUT).outputs()).isEqualTo(Map.of("answer", "yes"));
    List<JournalEntry> entries = journal.read(run.id(), 0);
    assertThat(entries).extracting(JournalEntry::seq).isSorted().doesNotHaveDuplicates();
    assertThat(entries)
        .filteredOn(e -> e.event() instanceof RunEvent.StepCompleted c && c.path().equals("work"))
        .hasSize(1);
  }

  @Test
  void aWaitThatCannotBeIndexedIsIndexedWhenTheStoreIsBackBeforeAnyoneHearsOfIt() throws Exception {
    engineWithFlakyStores();
    work.releaseAll();
    waits.down = true;
    var run = baton.start(workThenAsk(), Map.of());
    outage.awaitRefused(1);
    assertThat(baton.pendingInputs(10)).as("an unindexed wait is not offered").isEmpty();

    waits.down = false;
    retryIn(Duration.ofMillis(100));
    RunView waiting = waitForStatus(run.id(), RunStatus.WAITING);
    String waitId = waiting.pendingInputs().getFirst().waitId();
    assertThat(baton.pendingInputs(10)).extracting(p -> p.waitId()).containsExactly(waitId);
    assertThat(baton.submitInput(waitId, "yes", "me")).isTrue();
    assertThat(run.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.COMPLETED);
  }
}
