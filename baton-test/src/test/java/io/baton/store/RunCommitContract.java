package io.baton.store;

import static io.baton.store.StoreFixtures.at;
import static io.baton.store.StoreFixtures.events;
import static io.baton.store.StoreFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunStatus;
import io.baton.api.run.WaitKind;
import io.baton.api.store.ConcurrentModificationException;
import io.baton.api.store.IndexChange;
import io.baton.api.store.RunCommit;
import io.baton.api.store.RunCommitter;
import io.baton.api.store.RunRecord;
import io.baton.api.store.StoreBackend;
import io.baton.api.store.TimerRecord;
import io.baton.api.store.WaitRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RunCommitter}, for backends that offer atomic commits: a run's decision is
 * written whole or not at all.
 */
interface RunCommitContract {

  /** The backend under test, empty at the start of each test. */
  StoreBackend backend();

  private RunCommitter committer() {
    return backend().atomicCommits().orElseThrow();
  }

  private static WaitRecord human(String waitId, String runId) {
    return new WaitRecord(waitId, runId, "ask", WaitKind.HUMAN, null, null);
  }

  @Test
  default void aDecisionIsWrittenWholeEventsIndexAndSummary() {
    RunRecord started = run("r1", "wf", RunStatus.RUNNING, 0);
    backend().runs().save(started);
    RunRecord waiting = started.with(RunStatus.WAITING, at(5), 2);

    committer()
        .commit(
            new RunCommit(
                "r1",
                0,
                events("r1", 0, 3),
                List.of(
                    new IndexChange.WaitAdded(human("r1:ask:1", "r1")),
                    new IndexChange.TimerScheduled(new TimerRecord("r1/t", "r1", "ask", at(60)))),
                waiting));

    assertThat(backend().journal().read("r1", 0))
        .extracting(JournalEntry::event)
        .isEqualTo(events("r1", 0, 3));
    assertThat(backend().waits().find("r1:ask:1")).contains(human("r1:ask:1", "r1"));
    assertThat(backend().timers().next()).contains(new TimerRecord("r1/t", "r1", "ask", at(60)));
    assertThat(backend().runs().find("r1")).contains(waiting);
  }

  @Test
  default void aDecisionOnAStaleJournalWritesNothing() {
    RunRecord started = run("r1", "wf", RunStatus.RUNNING, 0);
    backend().runs().save(started);
    backend().journal().append("r1", 0, events("r1", 0, 2));

    RunCommit stale =
        new RunCommit(
            "r1",
            1,
            events("r1", 1, 2),
            List.of(
                new IndexChange.WaitAdded(human("r1:ask:1", "r1")),
                new IndexChange.TimerScheduled(new TimerRecord("r1/t", "r1", "ask", at(60)))),
            started.with(RunStatus.WAITING, at(5), 2));
    assertThatThrownBy(() -> committer().commit(stale))
        .isInstanceOf(ConcurrentModificationException.class)
        .hasMessageContaining("r1");

    assertThat(backend().journal().read("r1", 0)).hasSize(2);
    assertThat(backend().waits().find("r1:ask:1")).as("no wait indexed").isEmpty();
    assertThat(backend().timers().next()).as("no timer set").isEmpty();
    assertThat(backend().runs().find("r1")).as("the summary unchanged").contains(started);
  }

  @Test
  default void withoutEventsAStaleSummaryDecidesAndNothingIsWritten() {
    RunRecord started = run("r1", "wf", RunStatus.RUNNING, 0);
    backend().runs().save(started);
    backend().runs().save(started.with(RunStatus.WAITING, at(1), 2));

    RunCommit stale =
        new RunCommit(
            "r1",
            0,
            List.of(),
            List.of(new IndexChange.WaitAdded(human("r1:ask:1", "r1"))),
            started.with(RunStatus.PAUSED, at(2), 2));
    assertThatThrownBy(() -> committer().commit(stale))
        .isInstanceOf(ConcurrentModificationException.class);
    assertThat(backend().waits().find("r1:ask:1")).isEmpty();
    assertThat(backend().runs().find("r1").orElseThrow().status()).isEqualTo(RunStatus.WAITING);
  }

  @Test
  default void indexChangesOnlyApplyWithNothingToDecide() {
    backend().waits().register(human("r1:old:1", "r1"));
    committer()
        .commit(
            new RunCommit(
                "r1",
                0,
                List.of(),
                List.of(
                    new IndexChange.WaitRemoved("r1:old:1"),
                    new IndexChange.WaitRemoved("r1:never:1")),
                null));
    assertThat(backend().waits().find("r1:old:1")).isEmpty();
  }

  @Test
  default void forOneWaitOrTimerTheLastChangeOfADecisionCounts() {
    backend().waits().register(human("r1:back:1", "r1"));
    committer()
        .commit(
            new RunCommit(
                "r1",
                0,
                events("r1", 0, 1),
                List.of(
                    new IndexChange.WaitAdded(human("r1:gone:1", "r1")),
                    new IndexChange.WaitRemoved("r1:back:1"),
                    new IndexChange.TimerScheduled(new TimerRecord("r1/a", "r1", "a", at(10))),
                    new IndexChange.TimerScheduled(new TimerRecord("r1/b", "r1", "b", at(20))),
                    new IndexChange.WaitRemoved("r1:gone:1"),
                    new IndexChange.WaitAdded(human("r1:back:1", "r1")),
                    new IndexChange.TimerCancelled("r1/a"),
                    new IndexChange.TimerScheduled(new TimerRecord("r1/b", "r1", "b", at(30)))),
                null));

    assertThat(backend().waits().find("r1:gone:1")).as("added, then removed").isEmpty();
    assertThat(backend().waits().find("r1:back:1")).as("removed, then added").isPresent();
    assertThat(backend().timers().dueBefore(at(100), 10))
        .as("a cancelled, b moved")
        .containsExactly(new TimerRecord("r1/b", "r1", "b", at(30)));
  }

  @Test
  default void decisionsOfManyRunsAtOnceAllLand() throws Exception {
    int runs = 40;
    int rounds = 5;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        String runId = "many-" + r;
        done.add(
            threads.submit(
                () -> {
                  RunRecord record = run(runId, "wf", RunStatus.RUNNING, 0);
                  backend().runs().save(record);
                  for (int i = 0; i < rounds; i++) {
                    RunStatus status = i % 2 == 0 ? RunStatus.WAITING : RunStatus.RUNNING;
                    record = record.with(status, at(i), record.version() + 1);
                    String waitId = runId + ":w:" + i;
                    List<IndexChange> index = new ArrayList<>();
                    if (i > 0) {
                      index.add(new IndexChange.WaitRemoved(runId + ":w:" + (i - 1)));
                    }
                    index.add(new IndexChange.WaitAdded(human(waitId, runId)));
                    committer()
                        .commit(
                            new RunCommit(runId, i * 2L, events(runId, i * 2, 2), index, record));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    for (int r = 0; r < runs; r++) {
      String runId = "many-" + r;
      assertThat(backend().journal().read(runId, 0)).hasSize(rounds * 2);
      assertThat(backend().runs().find(runId).orElseThrow().version()).isEqualTo(rounds + 1L);
      assertThat(backend().waits().find(runId + ":w:" + (rounds - 1))).isPresent();
      assertThat(backend().waits().find(runId + ":w:0")).isEmpty();
    }
  }
}
