package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.SubworkflowStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.definition.WorkflowPolicies;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent.RunStarted;
import io.baton.api.run.RunEvent.StepWaiting;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepException;
import io.baton.api.run.StepStatus;
import io.baton.api.run.WaitKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** subworkflow steps: child runs, their outputs and failures, and cancellation. */
class SubworkflowStepTest extends EngineTest {
  private Blocker childWork;

  @BeforeEach
  void setUp() {
    childWork = blocker();
    engine(
        b ->
            b.tool("echo", "echo", (args, ctx) -> args)
                .tool(
                    "double", "doubles n", (args, ctx) -> ((Number) args.get("n")).longValue() * 2)
                .tool("block", "blocks", childWork)
                .tool(
                    "refuse",
                    "fails",
                    (args, ctx) -> {
                      throw new StepException(
                          ErrorKind.PERMISSION_DENIED, "not allowed: " + args.get("who"));
                    }));
  }

  private static WorkflowDefinition child(
      String version, Object outputs, io.baton.api.definition.StepDef... steps) {
    return new WorkflowDefinition(
        "child",
        version,
        null,
        null,
        null,
        outputs,
        List.of(steps),
        WorkflowPolicies.DEFAULTS,
        null,
        null);
  }

  private static WorkflowDefinition parent(String version) {
    var sub =
        new SubworkflowStep(
            step("sub").input("n", "${inputs.n}", "who", "${inputs.who}").build(),
            "child",
            version);
    var after = tool("after", "echo", map("got", "${steps.sub.output.doubled}"), "sub");
    return flow("parent-" + version, sub, after);
  }

  @Test
  void theChildRunsWithTheStepInputAndTheParentGetsItsOutputs() {
    baton.register(
        child(
            "1",
            map("doubled", "${steps.d.output}"),
            tool("d", "double", map("n", "${inputs.n}"))));
    var run = baton.start(parent(null), Map.of("n", 21L, "who", "alice"));
    RunView done = run.await(EventLog.TIMEOUT);

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "sub").output()).isEqualTo(Map.of("doubled", 42L));
    assertThat(done.outputs()).isEqualTo(Map.of("got", 42L));

    StepWaiting w = log.events(run.id(), StepWaiting.class).getFirst();
    assertThat(w.kind()).isEqualTo(WaitKind.CHILD_RUN);
    String childId = (String) w.details().get("childRunId");
    assertThat(childId).isEqualTo(run.id() + ":sub:1");
    RunView child = baton.status(childId);
    assertThat(child.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(child.workflowId()).isEqualTo("child");
    assertThat(child.inputs()).isEqualTo(Map.of("n", 21L, "who", "alice"));
    RunStarted started = log.events(childId, RunStarted.class).getFirst();
    assertThat(started.parentRunId()).isEqualTo(run.id());
    assertThat(started.parentStepPath()).isEqualTo("sub");
  }

  @Test
  void theStepRunsTheRequestedVersionOrElseTheLatest() {
    baton.register(child("1", map("doubled", "v1"), tool("d", "echo", map())));
    baton.register(child("2", map("doubled", "v2"), tool("d", "echo", map())));
    assertThat(run(parent("1"), Map.of("n", 1L, "who", "bob")).outputs())
        .isEqualTo(Map.of("got", "v1"));
    assertThat(run(parent(null), Map.of("n", 1L, "who", "bob")).outputs())
        .isEqualTo(Map.of("got", "v2"));
  }

  @Test
  void aFailingChildFailsTheParentStepWithTheChildsFailure() {
    baton.register(child("1", null, tool("r", "refuse", map("who", "${inputs.who}"))));
    var run = baton.start(parent(null), Map.of("n", 1L, "who", "mallory"));
    RunView done = run.await(EventLog.TIMEOUT);

    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failedStep()).isEqualTo("sub");
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.PERMISSION_DENIED);
    assertThat(done.failure().message()).isEqualTo("not allowed: mallory");
    assertThat(stepIn(done, "sub").status()).isEqualTo(StepStatus.FAILED);
    assertThat(done.step("after")).isNull();
    assertThat(baton.status(run.id() + ":sub:1").status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void cancellingTheParentCancelsTheChildAndInterruptsItsHandler() {
    baton.register(child("1", null, tool("b", "block", map())));
    var run = baton.start(parent(null), Map.of("n", 1L, "who", "bob"));
    childWork.awaitStarted(1);
    String childId = run.id() + ":sub:1";
    assertThat(baton.status(childId).status()).isEqualTo(RunStatus.RUNNING);
    assertThat(baton.status(run.id()).status()).isEqualTo(RunStatus.WAITING);

    assertThat(baton.cancel(run.id(), "ops")).isTrue();
    RunView parentDone = run.await(EventLog.TIMEOUT);
    RunView childDone = awaitEnd(childId);
    childWork.awaitInterrupted(1);

    assertThat(parentDone.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(stepIn(parentDone, "sub").status()).isEqualTo(StepStatus.CANCELLED);
    assertThat(childDone.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(stepIn(childDone, "b").status()).isEqualTo(StepStatus.CANCELLED);
  }

  @Test
  void anUnregisteredChildWorkflowFailsTheStepWithNotFound() {
    RunView done = run(parent(null), Map.of("n", 1L, "who", "bob"));
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(done.failure().message())
        .isEqualTo("subworkflow 'child' is not registered with the engine");
  }

  @Test
  void aSubworkflowStepTimeoutFailsTheStepAndCancelsTheChild() {
    baton.register(child("1", null, tool("b", "block", map())));
    var sub =
        new SubworkflowStep(
            step("sub").timeout(java.time.Duration.ofMinutes(1)).build(), "child", null);
    var run = baton.start(flow("parent-timeout", sub), Map.of());
    childWork.awaitStarted(1);
    clock.advance(java.time.Duration.ofMinutes(1));

    RunView done = run.await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(done.failure().message()).isEqualTo("step 'sub' did not finish in time");
    RunView child = awaitEnd(run.id() + ":sub:1");
    assertThat(child.status()).isEqualTo(RunStatus.CANCELLED);
    childWork.awaitInterrupted(1);
  }
}
