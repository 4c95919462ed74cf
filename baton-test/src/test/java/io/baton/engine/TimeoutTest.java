package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.retry;
import static io.baton.engine.Flows.runTimeout;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.Backoff;
import io.baton.api.definition.HumanStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent.RunTimedOut;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.engine.config.EngineConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step timeouts (interrupting the handler) and run timeouts. */
class TimeoutTest extends EngineTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private Blocker hang;

  @BeforeEach
  void setUp() {
    hang = blocker(args -> "finished");
    engine(
        b ->
            b.tool("hang", "blocks until released", hang)
                .tool("echo", "echo", (args, ctx) -> args));
  }

  @Test
  void aStepTimeoutFailsTheAttemptWithTimeoutAndInterruptsTheHandler() {
    var run =
        baton.start(flow("hang", step("h").timeout(Duration.ofSeconds(30)).tool("hang")), Map.of());
    hang.awaitStarted(1);
    clock.advance(Duration.ofSeconds(29));
    assertThat(stepIn(baton.status(run.id()), "h").status()).isEqualTo(StepStatus.RUNNING);
    assertThat(hang.interrupted()).isZero();

    clock.advance(Duration.ofSeconds(1));
    RunView done = run.await(EventLog.TIMEOUT);
    hang.awaitInterrupted(1);

    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failedStep()).isEqualTo("h");
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(done.failure().message())
        .isEqualTo("step 'h' did not finish within PT30S (attempt 1)");
    assertThat(stepIn(done, "h").endedAt()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void aTimedOutAttemptIsRetriedAndTheNextAttemptCanSucceed() {
    var h =
        step("h")
            .timeout(Duration.ofSeconds(30))
            .retry(retry(1, Backoff.FIXED, Duration.ofSeconds(5)))
            .tool("hang");
    var run = baton.start(flow("hang-retry", h), Map.of());
    hang.awaitStarted(1);
    clock.advance(Duration.ofSeconds(30));
    hang.awaitInterrupted(1);
    RunView between =
        waitFor(
            run.id(),
            "the retry is due",
            v -> v.step("h") != null && v.step("h").status() == StepStatus.READY);
    assertThat(stepIn(between, "h").failure().kind()).isEqualTo(ErrorKind.TIMEOUT);

    clock.advance(Duration.ofSeconds(5));
    hang.awaitStarted(1);
    hang.release(1);
    RunView done = run.await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "h").attempt()).isEqualTo(2);
    assertThat(stepIn(done, "h").output()).isEqualTo("finished");
    assertThat(hang.calls()).isEqualTo(2);
    assertThat(hang.contexts()).extracting(c -> c.attempt()).containsExactly(1, 2);
  }

  @Test
  void theTimeoutOfAnAttemptThatFinishedInTimeDoesNothing() {
    var run =
        baton.start(
            flow(
                "in-time",
                step("h").timeout(Duration.ofSeconds(30)).tool("hang"),
                tool("after", "echo", map(), "h")),
            Map.of());
    hang.awaitStarted(1);
    clock.advance(Duration.ofSeconds(10));
    hang.release(1);
    RunView done = run.await(EventLog.TIMEOUT);
    clock.advance(Duration.ofMinutes(5));
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(baton.status(run.id()).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(hang.interrupted()).isZero();
    assertThat(clock.pendingTimers()).isEmpty();
  }

  @Test
  void theEngineDefaultTaskTimeoutAppliesToHandlerStepsWithoutTheirOwn() {
    engine(
        b ->
            b.config(
                    new EngineConfig(
                        256, Duration.ofMinutes(2), 0, null, null, 0, 0, null, null, null, null))
                .tool("hang", "blocks", hang));
    var run = baton.start(flow("default-timeout", step("h").tool("hang")), Map.of());
    hang.awaitStarted(1);
    clock.advance(Duration.ofMinutes(2));
    RunView done = run.await(EventLog.TIMEOUT);
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.TIMEOUT);
    hang.awaitInterrupted(1);
  }

  @Test
  void aRunTimeoutCancelsWhatRunsAndEndsTheRunTimedOut() {
    var wf =
        flow(
            "slow-run",
            runTimeout(Duration.ofMinutes(1)),
            null,
            step("h").tool("hang"),
            tool("after", "echo", map(), "h"));
    var run = baton.start(wf, Map.of());
    hang.awaitStarted(1);
    clock.advance(Duration.ofSeconds(59));
    assertThat(baton.status(run.id()).status()).isEqualTo(RunStatus.RUNNING);

    clock.advance(Duration.ofSeconds(1));
    RunView done = run.await(EventLog.TIMEOUT);
    hang.awaitInterrupted(1);
    assertThat(done.status()).isEqualTo(RunStatus.TIMED_OUT);
    assertThat(done.endedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(stepIn(done, "h").status()).isEqualTo(StepStatus.CANCELLED);
    assertThat(done.step("after")).isNull();
    assertThat(log.events(run.id(), RunTimedOut.class)).hasSize(1);
  }

  @Test
  void aRunTimeoutEndsARunThatWaitsForAPerson() {
    var wf =
        flow(
            "slow-person",
            runTimeout(Duration.ofHours(1)),
            null,
            new HumanStep(step("ask").build(), "?", Map.of(), List.of(), null, null));
    var run = baton.start(wf, Map.of());
    String waitId =
        waitFor(run.id(), "a question", v -> !v.pendingInputs().isEmpty())
            .pendingInputs()
            .getFirst()
            .waitId();

    clock.advance(Duration.ofHours(1));
    RunView done = run.await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.TIMED_OUT);
    assertThat(stepIn(done, "ask").status()).isEqualTo(StepStatus.CANCELLED);
    assertThat(done.pendingInputs()).isEmpty();
    assertThat(baton.pendingInputs(10)).isEmpty();
    assertThat(baton.submitInput(waitId, "late", "me")).isFalse();
  }

  @Test
  void aRunThatEndsBeforeItsDeadlineIsNotTimedOut() {
    hang.releaseAll();
    var wf = flow("quick-run", runTimeout(Duration.ofMinutes(1)), null, step("h").tool("hang"));
    RunView done = run(wf, Map.of());
    clock.advance(Duration.ofMinutes(2));
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(baton.status(done.runId()).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(log.events(done.runId(), RunTimedOut.class)).isEmpty();
  }
}
