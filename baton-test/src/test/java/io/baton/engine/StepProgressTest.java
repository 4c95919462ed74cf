package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.retry;
import static io.baton.engine.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.definition.Backoff;
import io.baton.api.run.ErrorCategory;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.StepProgress;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.Tool;
import io.baton.api.store.DefinitionStore;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A handler journals its progress inside an attempt ({@link StepContext#record}); the progress is
 * durable before the handler goes on, handed back to a re-execution of the same attempt after a
 * crash, forgotten by a new attempt, and its usage summed on the step's view once per record.
 */
class StepProgressTest extends EngineTest {
  private final InMemoryJournal journal = new InMemoryJournal();
  private final RunStore runs = new InMemoryRunStore();
  private final TimerStore timers = new InMemoryTimerStore();
  private final WaitStore waits = new InMemoryWaitStore();
  private final DefinitionStore definitions = new InMemoryDefinitionStore();
  private Baton second;

  /** What the "work" tool did for real (not replayed), across engines. */
  private final AtomicInteger paidCalls = new AtomicInteger();

  @AfterEach
  void closeSecond() {
    if (second != null) {
      second.close();
    }
  }

  /**
   * Two "model calls", each recorded with its usage, and the step's output made of them: a call
   * already recorded is replayed instead of made.
   */
  private Tool.Invoker work(Blocker between) {
    return (args, ctx) -> {
      Object first = call(ctx, "call/1", 10);
      if (between != null) {
        between.invoke(args, ctx);
      }
      Object secondCall = call(ctx, "call/2", 5);
      return map("first", first, "second", secondCall);
    };
  }

  private Object call(StepContext ctx, String key, long tokens) {
    Object done = ctx.recorded(key);
    if (done == null) {
      done = map("answer", "paid " + paidCalls.incrementAndGet(), "usage", usage(tokens));
      ctx.record(key, done);
    }
    return ((Map<?, ?>) done).get("answer");
  }

  private static Map<String, Object> usage(long tokens) {
    return map("calls", 1L, "inputTokens", tokens, "outputTokens", 1L, "cost", 0.25);
  }

  private void engineOnStores(Tool.Invoker work) {
    engine(b -> b.stores(journal, runs, timers, waits, definitions).tool("work", "work", work));
  }

  @Test
  void progressIsJournaledInOrderAndTheStepShowsItsUsage() {
    engineOnStores(work(null));
    RunView done = run(flow("progress", Flows.tool("w", "work", map())), Map.of());

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "w").output()).isEqualTo(map("first", "paid 1", "second", "paid 2"));
    assertThat(progress(done.runId()))
        .extracting(StepProgress::key, StepProgress::attempt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("call/1", 1),
            org.assertj.core.groups.Tuple.tuple("call/2", 1));
    List<String> types = eventTypes(done.runId());
    assertThat(types.indexOf("StepProgress")).isGreaterThan(types.indexOf("StepStarted"));
    assertThat(types.lastIndexOf("StepProgress")).isLessThan(types.indexOf("StepCompleted"));
    assertThat(stepIn(done, "w").usage())
        .containsEntry("calls", 2L)
        .containsEntry("inputTokens", 15L)
        .containsEntry("outputTokens", 2L)
        .containsEntry("cost", 0.5);
    assertThat(baton.status(done.runId()).steps().get("w").usage())
        .as("as rebuilt from the journal")
        .isEqualTo(stepIn(done, "w").usage());
  }

  @Test
  void anAttemptReExecutedAfterACrashReplaysWhatItRecordedAndCountsItOnce() {
    Blocker hang = blocker();
    engineOnStores(work(hang));
    var run = baton.start(flow("crash", Flows.tool("w", "work", map())), Map.of());
    hang.awaitStarted(1);
    // call/1 is durable before the handler goes on: the crash comes after it
    assertThat(progress(run.id())).extracting(StepProgress::key).containsExactly("call/1");
    baton.close();

    second =
        Baton.builder()
            .clock(new FakeClock(clock.now()))
            .ids(new SequentialIds())
            .stores(journal, runs, timers, waits, definitions)
            .tool("work", "work", work(null))
            .build();
    RunView done = second.await(run.id(), EventLog.TIMEOUT);

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "w").output())
        .as("call/1 replayed from the journal, only call/2 made")
        .isEqualTo(map("first", "paid 1", "second", "paid 2"));
    assertThat(paidCalls).hasValue(2);
    assertThat(progress(run.id()))
        .extracting(StepProgress::key)
        .containsExactly("call/1", "call/2");
    assertThat(stepIn(done, "w").usage())
        .containsEntry("calls", 2L)
        .containsEntry("inputTokens", 15L);
  }

  @Test
  void aNewAttemptStartsWithNothingRecordedAndUsageAddsUpOverAttempts() {
    AtomicInteger executions = new AtomicInteger();
    Tool.Invoker flaky =
        (args, ctx) -> {
          assertThat(ctx.recorded("call/1")).as("attempt %s sees nothing", ctx.attempt()).isNull();
          ctx.record("call/1", map("usage", usage(7)));
          if (executions.incrementAndGet() == 1) {
            throw new StepException(ErrorKind.UNAVAILABLE, "down");
          }
          return "ok";
        };
    engineOnStores(flaky);
    var wf =
        flow(
            "retried",
            step("w")
                .retry(retry(1, Backoff.FIXED, Duration.ofSeconds(1), ErrorCategory.RETRYABLE))
                .tool("work"));
    var run = baton.start(wf, Map.of());
    waitFor(run.id(), "a retry", v -> !clock.pendingTimers().isEmpty());
    clock.advance(Duration.ofSeconds(1));
    RunView done = run.await(EventLog.TIMEOUT);

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(progress(run.id())).extracting(StepProgress::attempt).containsExactly(1, 2);
    assertThat(stepIn(done, "w").usage())
        .containsEntry("calls", 2L)
        .containsEntry("inputTokens", 14L);
  }

  @Test
  void recordingAgainReplacesTheValueAndItsUsage() {
    engineOnStores(
        (args, ctx) -> {
          ctx.record("k", map("usage", usage(3)));
          ctx.record("k", map("usage", usage(4)));
          return ctx.recorded("k");
        });
    RunView done = run(flow("again", Flows.tool("w", "work", map())), Map.of());
    assertThat(stepIn(done, "w").usage())
        .containsEntry("calls", 1L)
        .containsEntry("inputTokens", 4L);
    assertThat(stepIn(done, "w").output()).isEqualTo(map("usage", usage(4)));
  }

  @Test
  void aCancelledAttemptCannotRecord() throws InterruptedException {
    Blocker hang = blocker();
    java.util.concurrent.CountDownLatch refused = new java.util.concurrent.CountDownLatch(1);
    engineOnStores(
        (args, ctx) -> {
          try {
            hang.invoke(args, ctx);
          } catch (InterruptedException e) {
            // the cancellation: try to record anyway
          }
          assertThatThrownBy(() -> ctx.record("late", "x"))
              .isInstanceOf(StepException.class)
              .hasMessageContaining("no longer running");
          refused.countDown();
          return "ended";
        });
    var run = baton.start(flow("cancel", Flows.tool("w", "work", map())), Map.of());
    hang.awaitStarted(1);
    baton.cancel(run.id(), "tester");
    assertThat(run.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.CANCELLED);
    hang.awaitInterrupted(1);
    assertThat(
            refused.await(EventLog.TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
        .as("the late record was refused")
        .isTrue();
    assertThat(progress(run.id())).isEmpty();
  }

  @Test
  void aKeyIsRequired() {
    engineOnStores(
        (args, ctx) -> {
          ctx.record(" ", 1);
          return null;
        });
    RunView done = run(flow("nokey", Flows.tool("w", "work", map())), Map.of());
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().message()).contains("needs a key");
  }

  private List<StepProgress> progress(String runId) {
    return journal.read(runId, 0).stream()
        .map(JournalEntry::event)
        .filter(StepProgress.class::isInstance)
        .map(StepProgress.class::cast)
        .toList();
  }

  private List<String> eventTypes(String runId) {
    return journal.read(runId, 0).stream()
        .map(JournalEntry::event)
        .map(RunEvent::getClass)
        .map(Class::getSimpleName)
        .toList();
  }
}
