package io.baton.server.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.definition.Priority;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.api.run.StepView;
import io.baton.api.store.RunRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EndedRunViewsTest {
  private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

  /** Counts the reads that reach the engine. */
  private static final class Reads implements Supplier<RunView> {
    final AtomicInteger count = new AtomicInteger();
    RunView next;

    Reads(RunView first) {
      next = first;
    }

    @Override
    public RunView get() {
      count.incrementAndGet();
      return next;
    }
  }

  private static Optional<RunRecord> record(String runId, RunStatus status, long version) {
    return Optional.of(
        new RunRecord(runId, "wf", "1", status, Priority.MEDIUM, null, T0, T0, version));
  }

  private static RunView view(String runId, RunStatus status, int steps) {
    Map<String, StepView> byPath = new LinkedHashMap<>();
    for (int i = 0; i < steps; i++) {
      String path = "fan[" + i + "]/square";
      byPath.put(
          path,
          new StepView(
              path,
              "square",
              "transform",
              StepStatus.COMPLETED,
              1,
              i,
              i * i,
              null,
              T0,
              T0,
              null,
              null));
    }
    return new RunView(
        runId, "wf", "1", status, Map.of(), null, null, null, T0, null, byPath, List.of(), 9);
  }

  @Test
  void anEndedRunIsReadOnceThenServedFromTheKeptView() {
    EndedRunViews views = new EndedRunViews(100);
    Reads reads = new Reads(view("r1", RunStatus.COMPLETED, 3));
    RunView first = views.view("r1", record("r1", RunStatus.COMPLETED, 4), reads);
    RunView second = views.view("r1", record("r1", RunStatus.COMPLETED, 4), reads);
    assertThat(second).isSameAs(first);
    assertThat(reads.count).hasValue(1);
  }

  @Test
  void aRunThatHasNotEndedIsAlwaysRead() {
    EndedRunViews views = new EndedRunViews(100);
    Reads reads = new Reads(view("r1", RunStatus.RUNNING, 3));
    views.view("r1", record("r1", RunStatus.RUNNING, 2), reads);
    views.view("r1", record("r1", RunStatus.RUNNING, 2), reads);
    assertThat(reads.count).hasValue(2);
    assertThat(views.size()).isZero();
  }

  @Test
  void aViewReadWhileTheRecordSaysEndedButTheRunGoesOnIsNotKept() {
    // retried between the record's read and the view's
    EndedRunViews views = new EndedRunViews(100);
    Reads reads = new Reads(view("r1", RunStatus.RUNNING, 3));
    views.view("r1", record("r1", RunStatus.FAILED, 3), reads);
    assertThat(views.size()).isZero();
  }

  @Test
  void aRetriedRunIsReadAgain() {
    EndedRunViews views = new EndedRunViews(100);
    Reads reads = new Reads(view("r1", RunStatus.FAILED, 3));
    views.view("r1", record("r1", RunStatus.FAILED, 3), reads);
    // retried (RUNNING, version 4) and failed again (version 5)
    reads.next = view("r1", RunStatus.CANCELLED, 3);
    RunView after = views.view("r1", record("r1", RunStatus.CANCELLED, 5), reads);
    assertThat(after.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(reads.count).hasValue(2);
    assertThat(views.view("r1", record("r1", RunStatus.CANCELLED, 5), reads)).isSameAs(after);
    assertThat(reads.count).hasValue(2);
  }

  @Test
  void anEventOfTheRunDropsItsKeptView() {
    EndedRunViews views = new EndedRunViews(100);
    Reads reads = new Reads(view("r1", RunStatus.COMPLETED, 3));
    views.view("r1", record("r1", RunStatus.COMPLETED, 4), reads);
    views.onEvent(new JournalEntry("other", 0, null));
    assertThat(views.size()).isEqualTo(1);
    views.onEvent(new JournalEntry("r1", 10, null));
    assertThat(views.size()).isZero();
    views.view("r1", record("r1", RunStatus.COMPLETED, 4), reads);
    assertThat(reads.count).hasValue(2);
  }

  @Test
  void keepsAtMostTheBoundInStepsDroppingTheLeastRecentlyReadFirst() {
    // each view of 3 steps weighs 4: two fit in 10, a third pushes out the one read longest ago
    EndedRunViews views = new EndedRunViews(10);
    Reads a = new Reads(view("a", RunStatus.COMPLETED, 3));
    Reads b = new Reads(view("b", RunStatus.COMPLETED, 3));
    Reads c = new Reads(view("c", RunStatus.COMPLETED, 3));
    views.view("a", record("a", RunStatus.COMPLETED, 1), a);
    views.view("b", record("b", RunStatus.COMPLETED, 1), b);
    views.view("a", record("a", RunStatus.COMPLETED, 1), a); // a read more recently than b
    views.view("c", record("c", RunStatus.COMPLETED, 1), c);
    assertThat(views.size()).isEqualTo(2);
    views.view("a", record("a", RunStatus.COMPLETED, 1), a);
    views.view("b", record("b", RunStatus.COMPLETED, 1), b);
    assertThat(a.count).as("a stayed").hasValue(1);
    assertThat(b.count).as("b was dropped, read again").hasValue(2);
  }

  @Test
  void aViewLargerThanTheBoundIsNotKept() {
    EndedRunViews views = new EndedRunViews(10);
    Reads big = new Reads(view("big", RunStatus.COMPLETED, 20));
    views.view("big", record("big", RunStatus.COMPLETED, 1), big);
    views.view("big", record("big", RunStatus.COMPLETED, 1), big);
    assertThat(big.count).hasValue(2);
    assertThat(new EndedRunViews(0).view("x", record("x", RunStatus.COMPLETED, 1), big))
        .isNotNull();
  }

  @Test
  void aRunWithoutARecordIsReadAndNotKept() {
    EndedRunViews views = new EndedRunViews(100);
    Reads reads = new Reads(view("r1", RunStatus.COMPLETED, 1));
    views.view("r1", Optional.empty(), reads);
    assertThat(views.size()).isZero();
  }

  @Test
  void aNegativeBoundIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new EndedRunViews(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baton.executions.ended-views.max-steps");
  }
}
