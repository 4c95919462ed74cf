package io.baton.engine.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.Backoff;
import io.baton.api.definition.Branch;
import io.baton.api.definition.EndStep;
import io.baton.api.definition.JoinMode;
import io.baton.api.definition.LoopStep;
import io.baton.api.definition.ParallelMode;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.RetryPolicy;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.WaitStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorCategory;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.RunCompleted;
import io.baton.api.run.RunEvent.RunFailed;
import io.baton.api.run.RunEvent.RunPaused;
import io.baton.api.run.RunEvent.RunResumed;
import io.baton.api.run.RunEvent.RunRetried;
import io.baton.api.run.RunEvent.RunStarted;
import io.baton.api.run.RunEvent.ScopeOpened;
import io.baton.api.run.RunEvent.StepCancelled;
import io.baton.api.run.RunEvent.StepCompleted;
import io.baton.api.run.RunEvent.StepFailed;
import io.baton.api.run.RunEvent.StepScheduled;
import io.baton.api.run.RunEvent.StepStarted;
import io.baton.api.run.RunEvent.StepWaiting;
import io.baton.api.run.RunStatus;
import io.baton.api.run.StepFailure;
import io.baton.api.run.StepStatus;
import io.baton.api.run.WaitKind;
import io.baton.engine.config.EngineConfig;
import io.baton.engine.executor.Registry;
import io.baton.engine.executor.ToolStepExecutor;
import io.baton.engine.expression.Expressions;
import io.baton.engine.graph.WorkflowCompiler;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The planner as a pure function of a run's state and the time: no engine, no threads, no clock.
 */
class PlannerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final Planner planner = new Planner();
  private final WorkflowCompiler compiler =
      new WorkflowCompiler(
          Expressions.defaults(),
          type -> "tool".equals(type) ? new ToolStepExecutor(Registry.exact("tool")) : null,
          EngineConfig.DEFAULTS);

  private static StepCommon common(String id, String... deps) {
    return StepCommon.of(id).withDependsOn(List.of(deps));
  }

  private static ToolStep tool(String id, Map<String, Object> input, String... deps) {
    return new ToolStep(common(id, deps).withInput(input), "t");
  }

  private RunState start(Map<String, Object> inputs, StepDef... steps) {
    var wf =
        new WorkflowDefinition("wf", "1", null, null, null, null, List.of(steps), null, null, null);
    return startWorkflow(wf, inputs);
  }

  private RunState startWorkflow(WorkflowDefinition wf, Map<String, Object> inputs) {
    RunState run = new RunState("r", compiler.compile(wf));
    run.apply(new RunStarted(T0, "wf", "1", inputs, null, null, null, null));
    return run;
  }

  /** One planning round at {@code now}, its events applied as the decider would. */
  private List<RunEvent> plan(RunState run, Instant now) {
    List<RunEvent> events = planner.plan(run, now);
    events.forEach(run::apply);
    return events;
  }

  private static void apply(RunState run, RunEvent... events) {
    for (RunEvent e : events) {
      run.apply(e);
    }
  }

  /** A handler-run step starting and completing with {@code output}. */
  private static void complete(RunState run, String path, int attempt, Object output) {
    apply(run, new StepStarted(T0, path, attempt), new StepCompleted(T0, path, attempt, output));
  }

  @Test
  void theFirstPlanSchedulesTheRootsWithTheirResolvedInputs() {
    RunState run =
        start(Map.of("x", 5L), tool("a", Map.of("x", "${inputs.x}")), tool("b", Map.of(), "a"));
    assertThat(plan(run, T0)).containsExactly(new StepScheduled(T0, "a", 1, Map.of("x", 5L)));
    assertThat(plan(run, T0)).as("nothing changed, nothing to decide").isEmpty();
  }

  @Test
  void aCompletedStepSchedulesItsDependentsAndTheLastOneCompletesTheRun() {
    RunState run =
        start(Map.of(), tool("a", Map.of()), tool("b", Map.of("from", "${steps.a.output}"), "a"));
    plan(run, T0);
    complete(run, "a", 1, "out");
    assertThat(plan(run, T0)).containsExactly(new StepScheduled(T0, "b", 1, Map.of("from", "out")));
    complete(run, "b", 1, "done");
    assertThat(plan(run, T0)).containsExactly(new RunCompleted(T0, "done"));
    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aStartedCompositeOpensItsFirstScope() {
    var loop =
        new LoopStep(
            common("loop"),
            null,
            null,
            2,
            List.of(tool("body", Map.of("i", "${iteration}"))),
            null);
    RunState run = start(Map.of(), loop);
    assertThat(plan(run, T0)).containsExactly(new StepScheduled(T0, "loop", 1, Map.of()));
    run.apply(new StepStarted(T0, "loop", 1));
    assertThat(plan(run, T0)).containsExactly(new ScopeOpened(T0, "loop", "0"));
    assertThat(plan(run, T0))
        .containsExactly(new StepScheduled(T0, "loop[0]/body", 1, Map.of("i", 0)));
  }

  @Test
  void failFastNoticesAFailingBranchWhileAnEarlierBranchStillRuns() {
    var par =
        new ParallelStep(
            common("p"),
            List.of(
                new Branch("a", List.of(tool("a1", Map.of()))),
                new Branch("b", List.of(tool("b1", Map.of())))),
            ParallelMode.FAIL_FAST);
    RunState run = start(Map.of(), par);
    plan(run, T0);
    run.apply(new StepStarted(T0, "p", 1));
    plan(run, T0);
    plan(run, T0);
    apply(run, new StepStarted(T0, "p[a]/a1", 1), new StepStarted(T0, "p[b]/b1", 1));
    StepFailure boom = StepFailure.of(ErrorKind.BAD_INPUT, "boom");
    run.apply(new StepFailed(T0, "p[b]/b1", 1, boom, null));

    List<RunEvent> events = plan(run, T0);
    assertThat(events.getFirst()).isEqualTo(new StepCancelled(T0, "p[a]/a1", "branch 'b' failed"));
    assertThat(events.get(1))
        .isInstanceOfSatisfying(
            StepFailed.class,
            f -> {
              assertThat(f.path()).isEqualTo("p");
              assertThat(f.failure().message()).isEqualTo("branch 'b' of 'p' failed: boom");
              assertThat(f.retryAt()).isNull();
            });
  }

  @Test
  void aFailedStepScheduledAgainNoLongerCountsAsItsScopesFailure() {
    RunState run = start(Map.of(), tool("a", Map.of()), tool("b", Map.of(), "a"));
    plan(run, T0);
    apply(
        run,
        new StepStarted(T0, "a", 1),
        new StepFailed(T0, "a", 1, StepFailure.of(ErrorKind.UNAVAILABLE, "down"), null),
        new StepScheduled(T0, "a", 2, Map.of()));
    assertThat(run.scope("").hasUnhandledFailure()).isFalse();
    complete(run, "a", 2, "ok");
    assertThat(plan(run, T0)).containsExactly(new StepScheduled(T0, "b", 1, Map.of()));
  }

  @Test
  void aRetryableFailureIsRetriedAfterTheBackoffAndOnlyOnceDue() {
    var policy = new RetryPolicy(2, Backoff.LINEAR, Duration.ofSeconds(10), null, 0, null);
    var a = new ToolStep(StepCommon.of("a").withInput(Map.of()), "t");
    var withRetry =
        new ToolStep(
            new StepCommon(
                "a", null, null, null, null, null, Map.of(), null, policy, null, null, null, null),
            "t");
    RunState run = start(Map.of(), a.withCommon(withRetry.common()));
    plan(run, T0);
    run.apply(new StepStarted(T0, "a", 1));
    List<RunEvent> failed =
        planner.fail(run, "a", 1, StepFailure.of(ErrorKind.TIMEOUT, "slow"), T0);
    assertThat(failed)
        .containsExactly(
            new StepFailed(
                T0, "a", 1, StepFailure.of(ErrorKind.TIMEOUT, "slow"), T0.plusSeconds(10)));
    failed.forEach(run::apply);
    assertThat(run.step("a").status()).isEqualTo(StepStatus.READY);
    assertThat(run.effectiveStatus()).isEqualTo(RunStatus.WAITING);

    assertThat(plan(run, T0.plusSeconds(9))).isEmpty();
    run.touch("a");
    assertThat(plan(run, T0.plusSeconds(10)))
        .containsExactly(new StepScheduled(T0.plusSeconds(10), "a", 2, Map.of()));

    run.apply(new StepStarted(T0, "a", 2));
    assertThat(planner.fail(run, "a", 2, StepFailure.of(ErrorKind.TIMEOUT, "slow"), T0))
        .extracting(e -> ((StepFailed) e).retryAt())
        .containsExactly(T0.plusSeconds(20));
  }

  @Test
  void retryOnDecidesByCategoryAndTheFlagVetoesOnlyRetryableOnes() {
    RetryPolicy retryable = new RetryPolicy(1, null, null, null, 0, null);
    RetryPolicy system = new RetryPolicy(1, null, null, null, 0, Set.of(ErrorCategory.SYSTEM));
    RetryPolicy all = new RetryPolicy(1, null, null, null, 0, Set.of(ErrorCategory.values()));
    assertThat(Failures.isRetried(retryable, StepFailure.of(ErrorKind.UNAVAILABLE, "x"))).isTrue();
    assertThat(Failures.isRetried(retryable, StepFailure.of(ErrorKind.BAD_INPUT, "x"))).isFalse();
    assertThat(Failures.isRetried(retryable, StepFailure.of(ErrorKind.DEPENDENCY_DOWN, "x")))
        .isFalse();
    assertThat(
            Failures.isRetried(retryable, new StepFailure(ErrorKind.UNAVAILABLE, "x", false, null)))
        .isFalse();
    assertThat(Failures.isRetried(system, StepFailure.of(ErrorKind.DEPENDENCY_DOWN, "x"))).isTrue();
    assertThat(Failures.isRetried(system, StepFailure.of(ErrorKind.UNAVAILABLE, "x"))).isFalse();
    assertThat(Failures.isRetried(all, StepFailure.of(ErrorKind.BAD_INPUT, "x"))).isTrue();
    assertThat(Failures.isRetried(all, StepFailure.of(ErrorKind.CANCELLED, "x"))).isFalse();
  }

  @Test
  void jitterIsTheSameOnEveryReplayAndStaysWithinItsFraction() {
    RetryPolicy policy =
        new RetryPolicy(3, Backoff.FIXED, Duration.ofSeconds(100), null, 0.2, null);
    Set<Duration> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      Duration d = Failures.delay(policy, 1, "run/step/" + i);
      assertThat(d).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(120));
      assertThat(Failures.delay(policy, 1, "run/step/" + i)).isEqualTo(d);
      seen.add(d);
    }
    assertThat(seen).as("the delays are spread").hasSizeGreaterThan(10);
    assertThat(
            Failures.delay(
                new RetryPolicy(3, Backoff.FIXED, Duration.ofSeconds(100), null, 0, null), 1, "k"))
        .isEqualTo(Duration.ofSeconds(100));
  }

  @Test
  void nothingNewIsPlannedWhilePausedAndResumingPicksUpWhereItWas() {
    RunState run = start(Map.of(), tool("a", Map.of()), tool("b", Map.of(), "a"));
    plan(run, T0);
    run.apply(new StepStarted(T0, "a", 1));
    run.apply(new RunPaused(T0, "ops"));
    run.apply(new StepCompleted(T0, "a", 1, "ok"));
    assertThat(plan(run, T0)).isEmpty();
    assertThat(run.status()).isEqualTo(RunStatus.PAUSED);
    run.apply(new RunResumed(T0, "ops"));
    assertThat(plan(run, T0)).containsExactly(new StepScheduled(T0, "b", 1, Map.of()));
  }

  @Test
  void retryingARunNamesItsFailedAndCancelledSteps() {
    RunState run = start(Map.of(), tool("a", Map.of()), tool("b", Map.of()), tool("c", Map.of()));
    plan(run, T0);
    complete(run, "a", 1, "ok");
    apply(run, new StepStarted(T0, "b", 1), new StepStarted(T0, "c", 1));
    run.apply(new StepFailed(T0, "b", 1, StepFailure.of(ErrorKind.BAD_INPUT, "no"), null));
    List<RunEvent> end = plan(run, T0);
    assertThat(end)
        .containsExactly(
            new StepCancelled(T0, "c", "step 'b' failed"),
            new RunFailed(T0, StepFailure.of(ErrorKind.BAD_INPUT, "no"), "b"));

    assertThat(planner.controls().retry(run, "ops", T0))
        .containsExactly(new RunRetried(T0, List.of("b", "c"), "ops"));
    planner.controls().retry(run, "ops", T0).forEach(run::apply);
    assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(plan(run, T0))
        .containsExactlyInAnyOrder(
            new StepScheduled(T0, "b", 2, Map.of()), new StepScheduled(T0, "c", 2, Map.of()));
    assertThat(planner.controls().retry(run, "ops", T0))
        .as("a running run is not retried")
        .isEmpty();
  }

  @Test
  void aTimerWaitCompletesWhenItsDeadlinePassed() {
    RunState run = start(Map.of(), new WaitStep(common("w"), Duration.ofHours(1), null, null));
    plan(run, T0);
    List<RunEvent> started = planner.start(run, "w", T0);
    assertThat(started.get(1))
        .isInstanceOfSatisfying(
            StepWaiting.class,
            w -> {
              assertThat(w.kind()).isEqualTo(WaitKind.TIMER);
              assertThat(w.deadline()).isEqualTo(T0.plus(Duration.ofHours(1)));
              assertThat(w.waitId()).isEqualTo("r:w:1");
            });
    started.forEach(run::apply);
    assertThat(run.effectiveStatus()).isEqualTo(RunStatus.WAITING);
    run.touch("w");
    assertThat(plan(run, T0.plusSeconds(3599))).isEmpty();
    run.touch("w");
    Instant due = T0.plus(Duration.ofHours(1));
    assertThat(plan(run, due))
        .containsExactly(new StepCompleted(due, "w", 1, Map.of("firedAt", due.toString())));
  }

  @Test
  void anEndStepCancelsWhatIsStillActiveAndCompletesTheRunWithItsOutput() {
    RunState run =
        start(
            Map.of(),
            tool("slow", Map.of()),
            tool("quick", Map.of()),
            new EndStep(common("end", "quick"), Map.of("r", "${steps.quick.output}")));
    plan(run, T0);
    apply(run, new StepStarted(T0, "slow", 1));
    complete(run, "quick", 1, "q");
    List<RunEvent> scheduled = plan(run, T0);
    assertThat(scheduled).containsExactly(new StepScheduled(T0, "end", 1, Map.of("r", "q")));
    planner.start(run, "end", T0).forEach(run::apply);
    assertThat(plan(run, T0))
        .containsExactly(
            new StepCancelled(T0, "slow", "the workflow reached end step 'end'"),
            new RunCompleted(T0, Map.of("r", "q")));
  }

  @Test
  void joinAnyRunsOnTheFirstCompletedDependency() {
    var c = new ToolStep(common("c", "a", "b").withInput(Map.of()), "t");
    var any =
        new ToolStep(
            new StepCommon(
                "c",
                null,
                null,
                List.of("a", "b"),
                JoinMode.ANY,
                null,
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null),
            "t");
    RunState run =
        start(Map.of(), tool("a", Map.of()), tool("b", Map.of()), c.withCommon(any.common()));
    plan(run, T0);
    apply(run, new StepStarted(T0, "b", 1));
    complete(run, "a", 1, "first");
    assertThat(plan(run, T0)).containsExactly(new StepScheduled(T0, "c", 1, Map.of()));
  }

  @Test
  void anInternalErrorCancelsActiveStepsAndFailsTheRun() {
    RunState run = start(Map.of(), tool("a", Map.of()), tool("b", Map.of()));
    plan(run, T0);
    apply(run, new StepStarted(T0, "a", 1));
    StepFailure bug = StepFailure.of(ErrorKind.UNKNOWN, "internal error");
    assertThat(planner.controls().internalError(run, bug, T0))
        .containsExactly(
            new StepCancelled(T0, "a", "the engine failed the run"),
            new StepCancelled(T0, "b", "the engine failed the run"),
            new RunFailed(T0, bug, null));
    planner.controls().internalError(run, bug, T0).forEach(run::apply);
    assertThat(planner.controls().internalError(run, bug, T0)).as("an ended run").isEmpty();
  }
}
