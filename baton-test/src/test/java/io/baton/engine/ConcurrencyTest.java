package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.maxConcurrency;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.Priority;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.api.spi.StepContext;
import io.baton.engine.config.EngineConfig;
import io.baton.engine.config.SchedulingStrategy;
import io.baton.engine.runtime.StartRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Concurrency limits and priorities, seen through runs. */
class ConcurrencyTest extends EngineTest {

  private static WorkflowDefinition fourIndependentSteps(
      String id, io.baton.api.definition.WorkflowPolicies p) {
    return flow(
        id,
        p,
        null,
        tool("s1", "work", map()),
        tool("s2", "work", map()),
        tool("s3", "work", map()),
        tool("s4", "work", map()));
  }

  @Test
  void theGlobalLimitQueuesStepsBeyondIt() {
    Blocker work = blocker();
    engine(
        b ->
            b.config(EngineConfig.DEFAULTS.withMaxConcurrentTasks(2)).tool("work", "blocks", work));
    var run = baton.start(fourIndependentSteps("global", null), Map.of());
    work.awaitStarted(2);
    RunView view = baton.status(run.id());
    assertThat(view.steps().values()).filteredOn(s -> s.status() == StepStatus.RUNNING).hasSize(2);
    assertThat(view.steps().values()).filteredOn(s -> s.status() == StepStatus.READY).hasSize(2);
    assertThat(work.active()).isEqualTo(2);

    work.releaseAll();
    RunView done = run.await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(work.calls()).isEqualTo(4);
    assertThat(work.maxActive()).isEqualTo(2);
  }

  @Test
  void aWorkflowsMaxConcurrencyLimitsEachOfItsRuns() {
    Blocker work = blocker();
    engine(b -> b.tool("work", "blocks", work));
    var a = baton.start(fourIndependentSteps("per-run", maxConcurrency(1)), Map.of());
    var b = baton.start(fourIndependentSteps("per-run", maxConcurrency(1)), Map.of());
    work.awaitStarted(2);
    baton.status(a.id());
    baton.status(b.id());
    assertThat(work.contexts())
        .extracting(StepContext::runId)
        .containsExactlyInAnyOrder(a.id(), b.id());
    assertThat(baton.status(a.id()).steps().values())
        .filteredOn(s -> s.status() == StepStatus.READY)
        .as("run a's other steps wait for its one slot")
        .hasSize(3);

    work.releaseAll();
    assertThat(a.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(b.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(work.maxActive()).isEqualTo(2);
  }

  @Test
  void queuedStepsStartByTheirRunsPriority() {
    Blocker work = blocker();
    engine(
        b ->
            b.config(EngineConfig.DEFAULTS.withMaxConcurrentTasks(1)).tool("work", "blocks", work));
    WorkflowDefinition one = flow("one", tool("s", "work", map()));
    var holder = baton.start(one, Map.of());
    work.awaitStarted(1);
    var low = baton.start(one, Map.of(), StartRequest.of(null, Priority.LOW));
    var critical = baton.start(one, Map.of(), StartRequest.of(null, Priority.CRITICAL));
    waitForStep(low.id(), "s", StepStatus.READY);
    waitForStep(critical.id(), "s", StepStatus.READY);

    work.release(1);
    work.awaitStarted(1);
    assertThat(work.contexts().get(1).runId()).isEqualTo(critical.id());
    work.release(1);
    work.awaitStarted(1);
    assertThat(work.contexts().get(2).runId()).isEqualTo(low.id());
    work.release(1);
    for (var r : new RunHandle[] {holder, low, critical}) {
      assertThat(r.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.COMPLETED);
    }
  }

  @Test
  void aStepsOwnPriorityOverridesItsRuns() {
    Blocker work = blocker();
    engine(
        b ->
            b.config(EngineConfig.DEFAULTS.withMaxConcurrentTasks(1)).tool("work", "blocks", work));
    var holder = baton.start(flow("holder", tool("s", "work", map())), Map.of());
    work.awaitStarted(1);
    var run =
        baton.start(
            flow(
                "mixed",
                step("plain").tool("work"),
                step("urgent").priority(Priority.CRITICAL).tool("work")),
            Map.of());
    waitForStep(run.id(), "urgent", StepStatus.READY);
    work.release(1);
    work.awaitStarted(1);
    assertThat(work.contexts().get(1).path()).isEqualTo("urgent");
    work.releaseAll();
    assertThat(run.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(holder.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void roundRobinGivesRunsTurns() {
    Blocker work = blocker();
    engine(
        b ->
            b.config(
                    EngineConfig.DEFAULTS
                        .withMaxConcurrentTasks(1)
                        .withStrategy(SchedulingStrategy.ROUND_ROBIN))
                .tool("work", "blocks", work));
    var holder = baton.start(flow("holder", tool("s", "work", map())), Map.of());
    work.awaitStarted(1);
    var a = baton.start(flow("two", tool("x", "work", map()), tool("y", "work", map())), Map.of());
    waitForStep(a.id(), "y", StepStatus.READY);
    var b = baton.start(flow("two", tool("x", "work", map()), tool("y", "work", map())), Map.of());
    waitForStep(b.id(), "y", StepStatus.READY);

    for (int i = 0; i < 4; i++) {
      work.release(1);
      work.awaitStarted(1);
    }
    assertThat(work.contexts().subList(1, 5))
        .extracting(StepContext::runId)
        .containsExactly(a.id(), b.id(), a.id(), b.id());
    work.releaseAll();
    assertThat(holder.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void cancellingARunWithdrawsItsQueuedSteps() {
    Blocker work = blocker();
    engine(
        b ->
            b.config(EngineConfig.DEFAULTS.withMaxConcurrentTasks(1)).tool("work", "blocks", work));
    var holder = baton.start(flow("holder", tool("s", "work", map())), Map.of());
    work.awaitStarted(1);
    var queued = baton.start(flow("queued", tool("q", "work", map())), Map.of());
    waitForStep(queued.id(), "q", StepStatus.READY);
    baton.cancel(queued.id(), "ops");
    assertThat(queued.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.CANCELLED);

    var next = baton.start(flow("next", tool("n", "work", map())), Map.of());
    waitForStep(next.id(), "n", StepStatus.READY);
    work.release(1);
    work.awaitStarted(1);
    assertThat(work.contexts().get(1).runId())
        .as("the cancelled run's step never runs")
        .isEqualTo(next.id());
    work.releaseAll();
    assertThat(holder.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(next.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(work.calls()).isEqualTo(2);
  }
}
