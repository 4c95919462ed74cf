package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.store.Journal;
import io.baton.api.store.RunRecord;
import io.baton.engine.Baton;
import io.baton.engine.store.StoreSet;
import io.baton.test.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The crash tests' workload (parallel, map, loop, a timer, a human step), cut at every position of
 * its journal a {@code kill -9} could leave it at — after any append, since an append is durable
 * whole or not at all — then recovered: each time the run completes with every step, no iteration
 * or branch is opened twice, and no step that had completed runs again. Deterministic where {@link
 * KillNineCrashTest} kills at random moments.
 */
class RecoveryAtEveryPositionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Path WORKLOAD = Path.of("src/test/resources/crash/crash-mix.yaml");

  /** What the {@code effect} tool was called for, by idempotency key. */
  private final List<String> calls = new ArrayList<>();

  private TestEngine engine(StoreSet stores) {
    return TestEngine.create(
        b ->
            b.stores(stores)
                .tool(
                    "effect",
                    "records its call",
                    (input, ctx) -> {
                      synchronized (calls) {
                        calls.add(ctx.idempotencyKey());
                      }
                      return Map.of("tag", String.valueOf(input.get("tag")));
                    }));
  }

  /** Drives the run to its end: fires its timers and answers its questions. */
  private static RunView drive(TestEngine engine, String runId) {
    Baton baton = engine.baton();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      RunView view = baton.status(runId);
      if (view.status().isTerminal()) {
        return view;
      }
      for (var pending : view.pendingInputs()) {
        baton.submitInput(pending.waitId(), Map.of("ok", true), "test");
      }
      engine.clock().advance(Duration.ofMillis(200));
      Thread.yield();
    }
    throw new AssertionError("run " + runId + " did not end: " + baton.status(runId));
  }

  @Test
  void aRunCutAtAnyPositionOfItsJournalRecoversToTheSameSteps() {
    StoreSet memory = StoreSet.inMemory();
    Set<Integer> appendEnds = new java.util.TreeSet<>();
    Journal recording =
        new Journal() {
          @Override
          public void append(String runId, long expectedSeq, List<RunEvent> events) {
            memory.journal().append(runId, expectedSeq, events);
            synchronized (appendEnds) {
              appendEnds.add((int) expectedSeq + events.size());
            }
          }

          @Override
          public List<JournalEntry> read(String runId, long fromSeq) {
            return memory.journal().read(runId, fromSeq);
          }

          @Override
          public void delete(String runId) {
            memory.journal().delete(runId);
          }
        };
    StoreSet reference =
        new StoreSet(
            recording,
            memory.runs(),
            memory.timers(),
            memory.waits(),
            memory.definitions(),
            memory.snapshots(),
            memory.values(),
            "recording");
    List<JournalEntry> journal;
    RunRecord record;
    WorkflowDefinition definition;
    long completedSteps;
    try (TestEngine engine = engine(reference)) {
      definition = engine.baton().load(WORKLOAD);
      String runId = engine.baton().start(definition, Map.of()).id();
      assertThat(drive(engine, runId).status()).isEqualTo(RunStatus.COMPLETED);
      journal = reference.journal().read(runId, 0);
      record = reference.runs().find(runId).orElseThrow();
      completedSteps = completions(journal);
    }

    assertThat(appendEnds).as("appends of the reference run").hasSizeGreaterThan(5);
    for (int cut : appendEnds) {
      if (cut >= journal.size()) {
        continue;
      }
      List<JournalEntry> prefix = journal.subList(0, cut);
      StoreSet stores = StoreSet.inMemory();
      stores.definitions().save(definition);
      stores.journal().append(record.runId(), 0, prefix.stream().map(JournalEntry::event).toList());
      stores.runs().save(record.with(RunStatus.RUNNING, record.createdAt(), 1));
      Set<String> completedBefore = completedKeys(prefix);
      calls.clear();

      try (TestEngine engine = engine(stores)) {
        RunView end = drive(engine, record.runId());
        List<JournalEntry> after = stores.journal().read(record.runId(), 0);
        String at = "recovered from a journal cut at " + cut + " of " + journal.size();

        assertThat(end.status()).as(at).isEqualTo(RunStatus.COMPLETED);
        assertThat(completions(after)).as(at + ": steps completed").isEqualTo(completedSteps);
        assertThat(duplicateScopes(after)).as(at + ": scopes opened twice").isEmpty();
        synchronized (calls) {
          assertThat(calls)
              .filteredOn(completedBefore::contains)
              .as(at + ": steps that had completed ran again")
              .isEmpty();
        }
      }
    }
  }

  private static long completions(List<JournalEntry> journal) {
    return journal.stream().filter(e -> e.event() instanceof RunEvent.StepCompleted).count();
  }

  /** The idempotency keys ({@code runId/path/attempt}) of the attempts that completed. */
  private static Set<String> completedKeys(List<JournalEntry> journal) {
    Set<String> out = new HashSet<>();
    for (JournalEntry e : journal) {
      if (e.event() instanceof RunEvent.StepCompleted c) {
        out.add(e.runId() + "/" + c.path() + "/" + c.attempt());
      }
    }
    return out;
  }

  private static List<String> duplicateScopes(List<JournalEntry> journal) {
    Set<String> seen = new HashSet<>();
    List<String> twice = new ArrayList<>();
    for (JournalEntry e : journal) {
      if (e.event() instanceof RunEvent.ScopeOpened o
          && !seen.add(o.path() + "[" + o.key() + "]")) {
        twice.add(e.seq() + ": " + o.path() + "[" + o.key() + "]");
      }
    }
    return twice;
  }
}
