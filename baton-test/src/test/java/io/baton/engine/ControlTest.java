package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.retry;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.Backoff;
import io.baton.api.definition.HumanStep;
import io.baton.api.definition.MapStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent.RunCancelled;
import io.baton.api.run.RunEvent.RunPaused;
import io.baton.api.run.RunEvent.RunResumed;
import io.baton.api.run.RunEvent.StepCompleted;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepException;
import io.baton.api.run.StepStatus;
import io.baton.api.run.StepView;
import io.baton.api.spi.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** pause / resume, cancel, the status view with timings, and idempotency keys. */
class ControlTest extends EngineTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private Blocker hang;
  private final AtomicInteger flakyCalls = new AtomicInteger();

  @BeforeEach
  void setUp() {
    hang = blocker(args -> Map.of("hung", true));
    engine(
        b ->
            b.tool("hang", "blocks", hang)
                .tool("echo", "echo", (args, ctx) -> args)
                .tool(
                    "flakyOnce",
                    "fails its first call",
                    (args, ctx) -> {
                      if (flakyCalls.incrementAndGet() == 1) {
                        throw new StepException(ErrorKind.UNAVAILABLE, "first call fails");
                      }
                      return Map.of("ok", true);
                    }));
  }

  @Test
  void pauseLetsRunningStepsFinishButStartsNothingNewUntilResume() {
    var run =
        baton.start(
            flow("pause", step("a").tool("hang"), tool("b", "echo", map("after", "a"), "a")),
            Map.of());
    hang.awaitStarted(1);
    assertThat(baton.pause(run.id(), "ops")).isTrue();
    assertThat(baton.pause(run.id(), "ops")).as("already paused").isFalse();
    assertThat(baton.status(run.id()).status()).isEqualTo(RunStatus.PAUSED);

    hang.release(1);
    log.await(run.id(), StepCompleted.class, c -> c.path().equals("a"));
    RunView paused = baton.status(run.id());
    assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
    assertThat(stepIn(paused, "a").status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(paused.step("b")).isNull();
    assertThat(hang.interrupted()).isZero();

    assertThat(baton.resume(run.id(), "ops")).isTrue();
    assertThat(baton.resume(run.id(), "ops")).as("no longer paused").isFalse();
    RunView done = run.await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "b").status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(log.events(run.id(), RunPaused.class))
        .extracting(RunPaused::by)
        .containsExactly("ops");
    assertThat(log.events(run.id(), RunResumed.class)).hasSize(1);
  }

  @Test
  void aRetryDueWhilePausedWaitsForResume() {
    var wf =
        flow(
            "pause-retry",
            step("f").retry(retry(1, Backoff.FIXED, Duration.ofSeconds(5))).tool("flakyOnce"));
    var run = baton.start(wf, Map.of());
    waitFor(
        run.id(),
        "the retry is pending",
        v -> v.step("f") != null && v.step("f").status() == StepStatus.READY);
    assertThat(baton.pause(run.id(), "ops")).isTrue();
    clock.advance(Duration.ofSeconds(10));
    RunView paused = baton.status(run.id());
    assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
    assertThat(stepIn(paused, "f").attempt()).isEqualTo(1);
    assertThat(flakyCalls.get()).isEqualTo(1);

    baton.resume(run.id(), "ops");
    RunView done = run.await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "f").attempt()).isEqualTo(2);
    assertThat(stepIn(done, "f").startedAt()).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void pausingAnEndedRunDoesNothing() {
    RunView done = run(flow("ended", tool("a", "echo", map())), Map.of());
    assertThat(baton.pause(done.runId(), "ops")).isFalse();
    assertThat(baton.resume(done.runId(), "ops")).isFalse();
    assertThat(baton.cancel(done.runId(), "ops")).isFalse();
    assertThat(baton.status(done.runId()).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void cancelInterruptsRunningHandlersAndEndsTheRun() {
    var wf =
        flow(
            "cancel",
            step("a").tool("hang"),
            step("a2").tool("hang"),
            tool("b", "echo", map(), "a"));
    var run = baton.start(wf, Map.of());
    hang.awaitStarted(2);
    assertThat(baton.cancel(run.id(), "ops")).isTrue();
    RunView done = run.await(EventLog.TIMEOUT);
    hang.awaitInterrupted(2);

    assertThat(done.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(statuses(done))
        .containsEntry("a", StepStatus.CANCELLED)
        .containsEntry("a2", StepStatus.CANCELLED);
    assertThat(done.step("b")).isNull();
    assertThat(hang.contexts()).allSatisfy(c -> assertThat(c.isCancelled()).isTrue());
    RunCancelled c = log.events(run.id(), RunCancelled.class).getFirst();
    assertThat(c.by()).isEqualTo("ops");
    assertThat(c.reason()).isEqualTo("cancelled by ops");
    assertThat(baton.cancel(run.id(), "ops")).isFalse();
  }

  @Test
  void cancellingAWaitingRunClosesItsQuestions() {
    var run =
        baton.start(
            flow(
                "cancel-wait",
                new HumanStep(step("ask").build(), "?", Map.of(), List.of(), null, null)),
            Map.of());
    String waitId =
        waitFor(run.id(), "a question", v -> !v.pendingInputs().isEmpty())
            .pendingInputs()
            .getFirst()
            .waitId();
    assertThat(baton.cancel(run.id(), "ops")).isTrue();
    RunView done = run.await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(stepIn(done, "ask").status()).isEqualTo(StepStatus.CANCELLED);
    assertThat(baton.pendingInputs(10)).isEmpty();
    assertThat(baton.submitInput(waitId, "late", "me")).isFalse();
  }

  @Test
  void cancellingAPausedRunCancelsIt() {
    var run = baton.start(flow("cancel-paused", step("a").tool("hang")), Map.of());
    hang.awaitStarted(1);
    baton.pause(run.id(), "ops");
    assertThat(baton.cancel(run.id(), "ops")).isTrue();
    assertThat(run.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.CANCELLED);
    hang.awaitInterrupted(1);
  }

  @Test
  void theStatusShowsEachStepsStateAttemptsInputsOutputsAndTimings() {
    var wf =
        flow(
            "timings",
            step("a").input(map("q", "${inputs.q}")).tool("hang"),
            step("f")
                .after("a")
                .retry(retry(1, Backoff.FIXED, Duration.ofSeconds(10)))
                .tool("flakyOnce"));
    var run = baton.start(wf, Map.of("q", "what"));
    hang.awaitStarted(1);
    RunView running = baton.status(run.id());
    assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(running.startedAt()).isEqualTo(T0);
    StepView a = stepIn(running, "a");
    assertThat(a.stepId()).isEqualTo("a");
    assertThat(a.type()).isEqualTo("tool");
    assertThat(a.status()).isEqualTo(StepStatus.RUNNING);
    assertThat(a.attempt()).isEqualTo(1);
    assertThat(a.input()).isEqualTo(Map.of("q", "what"));
    assertThat(a.startedAt()).isEqualTo(T0);
    assertThat(a.endedAt()).isNull();

    clock.advance(Duration.ofSeconds(5));
    hang.release(1);
    RunView backoff =
        waitFor(
            run.id(),
            "f waits for its retry",
            v -> v.step("f") != null && v.step("f").status() == StepStatus.READY);
    assertThat(backoff.status())
        .as("a run that only waits for a retry")
        .isEqualTo(RunStatus.WAITING);
    assertThat(stepIn(backoff, "a").endedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(stepIn(backoff, "a").output()).isEqualTo(Map.of("hung", true));
    assertThat(stepIn(backoff, "f").failure().kind()).isEqualTo(ErrorKind.UNAVAILABLE);

    clock.advance(Duration.ofSeconds(10));
    RunView done = run.await(EventLog.TIMEOUT);
    StepView f = stepIn(done, "f");
    assertThat(f.status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(f.attempt()).isEqualTo(2);
    assertThat(f.startedAt()).isEqualTo(T0.plusSeconds(15));
    assertThat(f.endedAt()).isEqualTo(T0.plusSeconds(15));
    assertThat(f.output()).isEqualTo(Map.of("ok", true));
    assertThat(done.startedAt()).isEqualTo(T0);
    assertThat(done.endedAt()).isEqualTo(T0.plusSeconds(15));
    assertThat(done.steps().keySet()).containsExactly("a", "f");
  }

  @Test
  void handlersSeeTheIdempotencyKeyRunPathAttempt() {
    Blocker work = blocker(args -> args.get("x"));
    engine(b -> b.tool("work", "records its context", work));
    work.releaseAll();
    var m =
        new MapStep(
            step("m").build(),
            "${inputs.items}",
            null,
            0,
            List.of(tool("w", "work", map("x", "${item}"))),
            null);
    RunView done =
        run(flow("keys", tool("top", "work", map("x", 0)), m), Map.of("items", List.of(1, 2)));
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(work.contexts())
        .extracting(StepContext::idempotencyKey)
        .containsExactlyInAnyOrder(
            done.runId() + "/top/1", done.runId() + "/m[0]/w/1", done.runId() + "/m[1]/w/1");
    assertThat(work.contexts())
        .filteredOn(c -> c.path().equals("m[1]/w"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.stepId()).isEqualTo("w");
              assertThat(c.input()).isEqualTo(Map.of("x", 2));
            });
  }

  @Test
  void cancellingARunWaitingForARetryCallsTheRetryOff() {
    var wf =
        flow(
            "cancel-retry",
            step("f").retry(retry(1, Backoff.FIXED, Duration.ofSeconds(5))).tool("flakyOnce"));
    var run = baton.start(wf, Map.of());
    waitFor(
        run.id(),
        "the retry is pending",
        v -> v.step("f") != null && v.step("f").status() == StepStatus.READY);
    assertThat(baton.cancel(run.id(), "ops")).isTrue();
    RunView done = run.await(EventLog.TIMEOUT);
    clock.advance(Duration.ofMinutes(1));

    assertThat(done.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(stepIn(done, "f").status()).isEqualTo(StepStatus.CANCELLED);
    assertThat(baton.status(run.id()).status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(flakyCalls.get()).isEqualTo(1);
  }
}
