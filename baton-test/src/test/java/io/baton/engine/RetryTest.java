package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.retry;
import static io.baton.engine.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.Backoff;
import io.baton.api.definition.RetryPolicy;
import io.baton.api.definition.WorkflowPolicies;
import io.baton.api.run.ErrorCategory;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent.StepFailed;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepException;
import io.baton.api.run.StepFailure;
import io.baton.api.run.StepStatus;
import io.baton.engine.config.EngineConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Step retries: backoffs on the fake clock, retry limits and the categories retried. */
class RetryTest extends EngineTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final AtomicInteger calls = new AtomicInteger();
  private final Semaphore called = new Semaphore(0);
  private final List<String> keys = Collections.synchronizedList(new ArrayList<>());

  /** An engine whose tool "flaky" throws {@code failure} on its first {@code failures} calls. */
  private void flakyEngine(
      int failures, Supplier<? extends Exception> failure, EngineConfig config) {
    engine(
        b ->
            b.config(config)
                .tool(
                    "flaky",
                    "fails, then works",
                    (args, ctx) -> {
                      keys.add(ctx.idempotencyKey());
                      int n = calls.incrementAndGet();
                      called.release();
                      if (n <= failures) {
                        throw failure.get();
                      }
                      return Map.of("call", n);
                    }));
  }

  private void flakyEngine(int failures, Supplier<? extends Exception> failure) {
    flakyEngine(failures, failure, EngineConfig.DEFAULTS);
  }

  private static Exception unavailable() {
    return new StepException(ErrorKind.UNAVAILABLE, "service down");
  }

  private void awaitCalls(int n) throws InterruptedException {
    assertThat(called.tryAcquire(n, 10, TimeUnit.SECONDS)).as(n + " more call(s)").isTrue();
  }

  private String startFlaky(RetryPolicy policy) {
    return baton.start(flow("retry", step("flaky").retry(policy).tool("flaky")), Map.of()).id();
  }

  /**
   * Waits for the failure of {@code attempt}, then checks nothing happens until its retry is due.
   */
  private void expectRetryAfter(String runId, int attempt, Duration delay)
      throws InterruptedException {
    StepFailed f = log.await(runId, StepFailed.class, e -> e.attempt() == attempt);
    assertThat(f.retryAt()).as("retry of attempt " + attempt).isEqualTo(f.at().plus(delay));
    clock.advance(delay.minusMillis(1));
    RunView before = baton.status(runId);
    assertThat(calls.get()).as("calls before the delay passed").isEqualTo(attempt);
    assertThat(stepIn(before, "flaky").status()).isEqualTo(StepStatus.READY);
    assertThat(stepIn(before, "flaky").attempt()).isEqualTo(attempt);
    assertThat(clock.pendingTimers()).contains(f.retryAt());
    clock.advance(Duration.ofMillis(1));
    awaitCalls(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"FIXED, 10, 10, 10", "LINEAR, 10, 20, 30", "EXPONENTIAL, 10, 20, 40"})
  void backoffDelaysGrowAsConfiguredOnTheFakeClock(Backoff backoff, long d1, long d2, long d3)
      throws InterruptedException {
    flakyEngine(3, RetryTest::unavailable);
    String runId = startFlaky(retry(3, backoff, Duration.ofSeconds(10)));
    awaitCalls(1);
    expectRetryAfter(runId, 1, Duration.ofSeconds(d1));
    expectRetryAfter(runId, 2, Duration.ofSeconds(d2));
    expectRetryAfter(runId, 3, Duration.ofSeconds(d3));

    RunView done = awaitEnd(runId);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "flaky").attempt()).isEqualTo(4);
    assertThat(stepIn(done, "flaky").output()).isEqualTo(Map.of("call", 4L));
    assertThat(stepIn(done, "flaky").endedAt()).isEqualTo(T0.plusSeconds(d1 + d2 + d3));
    assertThat(calls.get()).isEqualTo(4);
    assertThat(keys)
        .containsExactly(
            runId + "/flaky/1", runId + "/flaky/2", runId + "/flaky/3", runId + "/flaky/4");
    assertThat(log.kindsFor(runId, "flaky"))
        .containsExactly(
            "StepScheduled",
            "StepStarted",
            "StepFailed",
            "StepScheduled",
            "StepStarted",
            "StepFailed",
            "StepScheduled",
            "StepStarted",
            "StepFailed",
            "StepScheduled",
            "StepStarted",
            "StepCompleted");
  }

  @Test
  void delaysAreCappedByMaxDelay() throws InterruptedException {
    flakyEngine(3, RetryTest::unavailable);
    var policy =
        new RetryPolicy(
            3, Backoff.EXPONENTIAL, Duration.ofSeconds(10), Duration.ofSeconds(15), 0, null);
    String runId = startFlaky(policy);
    awaitCalls(1);
    expectRetryAfter(runId, 1, Duration.ofSeconds(10));
    expectRetryAfter(runId, 2, Duration.ofSeconds(15));
    expectRetryAfter(runId, 3, Duration.ofSeconds(15));
    assertThat(awaitEnd(runId).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void whenRetriesAreExhaustedTheStepFailsWithTheLastFailure() throws InterruptedException {
    AtomicInteger n = new AtomicInteger();
    flakyEngine(
        100, () -> new StepException(ErrorKind.RATE_LIMITED, "quota " + n.incrementAndGet()));
    String runId = startFlaky(retry(2, Backoff.FIXED, Duration.ofSeconds(1)));
    awaitCalls(1);
    expectRetryAfter(runId, 1, Duration.ofSeconds(1));
    expectRetryAfter(runId, 2, Duration.ofSeconds(1));

    RunView done = awaitEnd(runId);
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(done.failure().message()).isEqualTo("quota 3");
    assertThat(stepIn(done, "flaky").attempt()).isEqualTo(3);
    assertThat(log.events(runId, StepFailed.class)).extracting(StepFailed::retryAt).last().isNull();
    clock.advance(Duration.ofHours(1));
    assertThat(baton.status(runId).status()).isEqualTo(RunStatus.FAILED);
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void aNonRetryableFailureIsNotRetried() {
    flakyEngine(1, () -> new IllegalArgumentException("bad value"));
    String runId = startFlaky(retry(3, Backoff.FIXED, Duration.ofSeconds(1)));
    RunView done = awaitEnd(runId);
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.BAD_INPUT);
    assertThat(log.events(runId, StepFailed.class))
        .singleElement()
        .satisfies(f -> assertThat(f.retryAt()).isNull());
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void aHandlerCanSayThatARetryableKindIsNotWorthRetrying() {
    flakyEngine(
        1,
        () ->
            new StepException(
                new StepFailure(ErrorKind.UNAVAILABLE, "gone for good", false, Map.of())));
    RunView done = awaitEnd(startFlaky(retry(3, Backoff.FIXED, Duration.ofSeconds(1))));
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void retryOnLimitsRetriesToTheListedCategories() {
    flakyEngine(1, RetryTest::unavailable);
    RunView done =
        awaitEnd(startFlaky(retry(3, Backoff.FIXED, Duration.ofSeconds(1), ErrorCategory.SYSTEM)));
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void retryOnSystemRetriesSystemFailures() throws InterruptedException {
    flakyEngine(1, () -> new StepException(ErrorKind.DEPENDENCY_DOWN, "database down"));
    String runId = startFlaky(retry(3, Backoff.FIXED, Duration.ofSeconds(5), ErrorCategory.SYSTEM));
    awaitCalls(1);
    expectRetryAfter(runId, 1, Duration.ofSeconds(5));
    RunView done = awaitEnd(runId);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "flaky").attempt()).isEqualTo(2);
  }

  @Test
  void retryOnNonRetryableRetriesBadInputWhenAskedTo() throws InterruptedException {
    flakyEngine(1, () -> new IllegalArgumentException("bad value"));
    String runId =
        startFlaky(retry(1, Backoff.FIXED, Duration.ofSeconds(3), ErrorCategory.NON_RETRYABLE));
    awaitCalls(1);
    expectRetryAfter(runId, 1, Duration.ofSeconds(3));
    assertThat(awaitEnd(runId).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void theWorkflowRetryPolicyAppliesToStepsWithoutTheirOwn() throws InterruptedException {
    flakyEngine(1, RetryTest::unavailable);
    var policies =
        new WorkflowPolicies(null, retry(1, Backoff.FIXED, Duration.ofSeconds(7)), 0, null, null);
    String runId =
        baton.start(flow("wf-retry", policies, null, step("flaky").tool("flaky")), Map.of()).id();
    awaitCalls(1);
    expectRetryAfter(runId, 1, Duration.ofSeconds(7));
    assertThat(awaitEnd(runId).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void theEngineDefaultRetriesExponentiallyFromOneSecond() throws InterruptedException {
    EngineConfig config = new EngineConfig(256, null, 2, null, null, 0, 0, null, null, null, null);
    flakyEngine(2, RetryTest::unavailable, config);
    String runId = baton.start(flow("default-retry", step("flaky").tool("flaky")), Map.of()).id();
    awaitCalls(1);
    expectRetryAfter(runId, 1, Duration.ofSeconds(1));
    expectRetryAfter(runId, 2, Duration.ofSeconds(2));
    assertThat(awaitEnd(runId).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void withoutARetryPolicyAFailureIsFinal() {
    flakyEngine(1, RetryTest::unavailable);
    RunView done =
        awaitEnd(baton.start(flow("no-retry", step("flaky").tool("flaky")), Map.of()).id());
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void jitterSpreadsTheDelayWithinItsFractionAndNeverOutside() throws InterruptedException {
    flakyEngine(1, RetryTest::unavailable);
    var policy = new RetryPolicy(1, Backoff.FIXED, Duration.ofSeconds(100), null, 0.5, null);
    String runId = startFlaky(policy);
    StepFailed f = log.await(runId, StepFailed.class, e -> true);
    Duration delay = Duration.between(f.at(), f.retryAt());
    assertThat(delay).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(150));
    clock.advance(delay);
    awaitCalls(2);
    assertThat(awaitEnd(runId).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aCompositeIsNotRetriedWhenItsItemsHaveUsedTheirOwnRetries() {
    flakyEngine(100, () -> new StepException(ErrorKind.DEPENDENCY_DOWN, "db down"));
    var policies =
        new WorkflowPolicies(
            null,
            retry(1, Backoff.FIXED, Duration.ofSeconds(5), ErrorCategory.SYSTEM),
            0,
            null,
            null);
    var m =
        new io.baton.api.definition.MapStep(
            step("m").build(),
            "${inputs.items}",
            null,
            0,
            List.of(step("flaky").tool("flaky")),
            null);
    String runId =
        baton.start(flow("composite-retry", policies, null, m), Map.of("items", List.of(1))).id();
    log.await(runId, StepFailed.class, f -> f.path().equals("m[0]/flaky") && f.attempt() == 1);
    clock.advance(Duration.ofSeconds(5));
    log.await(runId, StepFailed.class, f -> f.path().equals("m") && f.retryAt() == null);

    RunView done = awaitEnd(runId);
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.endedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(stepIn(done, "m").attempt()).isEqualTo(1);
    assertThat(calls.get()).isEqualTo(2);
  }
}
