package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.ModuleStep;
import io.baton.api.run.PendingInput;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.spi.AwaitInput;
import io.baton.api.spi.CoordinationModule;
import io.baton.engine.runtime.ClusterMembership;
import io.baton.engine.runtime.NodePort;
import io.baton.engine.runtime.RunLetter;
import io.baton.engine.runtime.RunOwnership;
import io.baton.engine.runtime.StepTask;
import io.baton.engine.runtime.TaskDispatcher;
import io.baton.engine.runtime.TaskOutcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Steps handed to a {@link TaskDispatcher} (as a cluster does) come back as letters, which may come
 * late or twice (a node that took a run over delivers what the old owner had delivered already). A
 * step that asked a person runs again, same attempt, with the answer: the outcome of the execution
 * before the answer must not count for the one with it.
 */
class QueuedExecutionTest extends EngineTest {
  private final BlockingQueue<StepTask> queued = new LinkedBlockingQueue<>();
  private volatile NodePort port;

  @BeforeEach
  void setUp() {
    engine(
        b ->
            b.module(
                    CoordinationModule.of(
                        "confirm",
                        Map.of(
                            "ask",
                            (p, ctx) ->
                                ctx.answer() == null
                                    ? new AwaitInput("go", "Approve?", Map.of(), List.of("lead"))
                                    : map("by", ctx.answer().by()))))
                .cluster(new QueueOnly()));
  }

  @Test
  void anOutcomeFromBeforeTheAnswerDoesNotCountForTheExecutionWithIt() throws Exception {
    String runId =
        baton
            .start(flow("ask", new ModuleStep(step("ask").build(), "confirm", "ask")), Map.of())
            .id();
    StepTask first = next();
    RunLetter asked = run(first);
    port.deliver(runId, asked).get(10, TimeUnit.SECONDS);
    PendingInput question =
        waitFor(runId, "a question", v -> !v.pendingInputs().isEmpty()).pendingInputs().getFirst();
    assertThat(baton.submitInput(question.waitId(), Map.of(), "ann")).isTrue();
    StepTask second = next();
    assertThat(second.attempt()).isEqualTo(first.attempt());
    assertThat(second.answer().waitId()).isEqualTo(question.waitId());

    port.deliver(runId, asked).get(10, TimeUnit.SECONDS); // the first outcome, again
    assertThat(baton.status(runId).pendingInputs()).as("asked again by a stale outcome").isEmpty();
    port.deliver(runId, run(second)).get(10, TimeUnit.SECONDS);

    RunView done = awaitEnd(runId);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.step("ask").output()).isEqualTo(Map.of("by", "ann"));
  }

  private StepTask next() throws InterruptedException {
    StepTask task = queued.poll(10, TimeUnit.SECONDS);
    assertThat(task).as("a step queued").isNotNull();
    return task;
  }

  /** Runs a queued step here and returns the letter its outcome travels in. */
  private RunLetter run(StepTask task) {
    TaskOutcome outcome = port.execute(task, stop -> {});
    return RunLetter.taskEnded(
        task.path(),
        task.attempt(),
        task.answer() == null ? null : task.answer().waitId(),
        outcome.result(),
        outcome.failure());
  }

  /** A node alone that queues its steps for the test to run. */
  private final class QueueOnly implements ClusterMembership, TaskDispatcher {
    @Override
    public RunOwnership ownership() {
      return RunOwnership.SOLE;
    }

    @Override
    public TaskDispatcher dispatcher() {
      return this;
    }

    @Override
    public void start(NodePort nodePort) {
      port = nodePort;
    }

    @Override
    public void close() {}

    @Override
    public void dispatch(StepTask task) {
      queued.add(task);
    }

    @Override
    public void withdraw(String runId, String path, int attempt) {}
  }
}
