package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.definition.Branch;
import io.baton.api.definition.ParallelMode;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent.ScopeOpened;
import io.baton.api.run.RunEvent.StepFailed;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepException;
import io.baton.api.run.StepStatus;
import io.baton.engine.language.DefinitionInvalidException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** parallel steps: all-settled and fail-fast. */
class ParallelStepTest extends EngineTest {
  private Blocker slow;
  private Blocker gate;

  @BeforeEach
  void setUp() {
    slow = blocker(args -> Map.of("slow", "done"));
    gate =
        blocker(
            args -> {
              throw new StepException(ErrorKind.BAD_INPUT, "late boom");
            });
    engine(
        b ->
            b.tool("echo", "returns its arguments", (args, ctx) -> args)
                .tool("slow", "blocks", slow)
                .tool("lateBoom", "fails when released", gate)
                .tool(
                    "boom",
                    "fails",
                    (args, ctx) -> {
                      throw new StepException(ErrorKind.BAD_INPUT, "boom: " + args.get("why"));
                    }));
  }

  private WorkflowDefinition checks(ParallelMode mode) {
    var par =
        new ParallelStep(
            step("checks").build(),
            List.of(
                new Branch("lint", List.of(tool("lint", "echo", map("ok", true)))),
                new Branch(
                    "test",
                    List.of(
                        tool("unit", "boom", map("why", "red")),
                        tool("report", "echo", map(), "unit"))),
                new Branch(
                    "two",
                    List.of(
                        tool("first", "echo", map("n", 1)),
                        tool("second", "echo", map("n", "${steps.first.output.n}"), "first"))),
                new Branch("slowpoke", List.of(tool("wait", "slow", map())))),
            mode);
    var after = tool("after", "echo", map("lint", "${steps.checks.output.lint.status}"), "checks");
    return flow("par", par, after);
  }

  @Test
  void allSettledWaitsForEveryBranchAndReportsEachStatusValueAndError() {
    var run = baton.start(checks(ParallelMode.ALL_SETTLED), Map.of());
    slow.awaitStarted(1);
    log.await(run.id(), StepFailed.class, f -> f.path().equals("checks[test]/unit"));
    RunView meanwhile = waitForStep(run.id(), "checks[two]/second", StepStatus.COMPLETED);
    assertThat(stepIn(meanwhile, "checks").status()).isEqualTo(StepStatus.RUNNING);
    assertThat(meanwhile.status()).isEqualTo(RunStatus.RUNNING);

    slow.release(1);
    RunView done = run.await(EventLog.TIMEOUT);

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> out =
        (Map<String, Map<String, Object>>) stepIn(done, "checks").output();
    assertThat(out).containsOnlyKeys("lint", "test", "two", "slowpoke");
    assertThat(out.get("lint"))
        .containsEntry("status", "completed")
        .containsEntry("value", Map.of("ok", true))
        .containsEntry("error", null);
    assertThat(out.get("test"))
        .containsEntry("status", "failed")
        .containsEntry("value", null)
        .containsEntry(
            "error", Map.of("kind", "bad_input", "message", "boom: red", "retryable", false));
    assertThat(out.get("two"))
        .containsEntry("status", "completed")
        .containsEntry("value", Map.of("n", 1L));
    assertThat(out.get("slowpoke")).containsEntry("value", Map.of("slow", "done"));
    assertThat(statuses(done))
        .containsEntry("checks[test]/unit", StepStatus.FAILED)
        .containsEntry("checks[two]/second", StepStatus.COMPLETED)
        .containsEntry("after", StepStatus.COMPLETED)
        .doesNotContainKey("checks[test]/report");
    assertThat(stepIn(done, "after").input()).isEqualTo(Map.of("lint", "completed"));
    assertThat(log.events(run.id(), ScopeOpened.class))
        .extracting(ScopeOpened::key)
        .containsExactly("lint", "test", "two", "slowpoke");
  }

  @Test
  void failFastCancelsTheOtherBranchesAndFailsTheStepAndTheRun() {
    var run = baton.start(checks(ParallelMode.FAIL_FAST), Map.of());
    RunView done = run.await(EventLog.TIMEOUT);

    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failedStep()).isEqualTo("checks");
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.BAD_INPUT);
    assertThat(done.failure().message()).isEqualTo("branch 'test' of 'checks' failed: boom: red");
    assertThat(done.failure().details()).containsEntry("failedStep", "checks[test]/unit");
    assertThat(statuses(done))
        .containsEntry("checks", StepStatus.FAILED)
        .containsEntry("checks[test]/unit", StepStatus.FAILED)
        .containsEntry("checks[slowpoke]/wait", StepStatus.CANCELLED)
        .doesNotContainKey("after");
  }

  @Test
  void failFastInterruptsAHandlerThatIsRunningInAnotherBranch() {
    var par =
        new ParallelStep(
            step("p").build(),
            List.of(
                new Branch("a", List.of(tool("a1", "slow", map()))),
                new Branch("b", List.of(tool("b1", "lateBoom", map())))),
            ParallelMode.FAIL_FAST);
    var run = baton.start(flow("ff", par), Map.of());
    slow.awaitStarted(1);
    gate.awaitStarted(1);
    gate.release(1);

    RunView done = run.await(EventLog.TIMEOUT);
    slow.awaitInterrupted(1);
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(statuses(done))
        .containsEntry("p", StepStatus.FAILED)
        .containsEntry("p[a]/a1", StepStatus.CANCELLED)
        .containsEntry("p[b]/b1", StepStatus.FAILED);
    assertThat(log.kindsFor(run.id(), "p[a]/a1"))
        .containsExactly("StepScheduled", "StepStarted", "StepCancelled");
  }

  @Test
  void allSettledWithEveryBranchSucceedingFeedsTheValuesDownstream() {
    slow.releaseAll();
    var par =
        new ParallelStep(
            step("both").build(),
            List.of(
                new Branch("x", List.of(tool("x1", "echo", map("v", "${inputs.x}")))),
                new Branch("y", List.of(tool("y1", "slow", map())))),
            null);
    var after = tool("after", "echo", map("x", "${steps.both.output.x.value.v}"), "both");
    RunView done = run(flow("ok", par, after), Map.of("x", "hello"));
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.outputs()).isEqualTo(Map.of("x", "hello"));
  }

  /**
   * The language has no branch variable: a template reading {@code ${branch}} is refused up front,
   * and no run starts.
   */
  @Test
  void aBranchReadingAVariableThatDoesNotExistIsRefusedBeforeAnyRunStarts() {
    var par =
        new ParallelStep(
            step("p").build(),
            List.of(new Branch("ok", List.of(tool("p1", "echo", map("b", "${branch}"))))),
            null);

    assertThatThrownBy(() -> baton.start(flow("no-branch-var", par), Map.of()))
        .isInstanceOf(DefinitionInvalidException.class)
        .satisfies(
            e ->
                assertThat(((DefinitionInvalidException) e).errors())
                    .singleElement()
                    .satisfies(
                        d -> {
                          assertThat(d.code()).isEqualTo("invalid-template");
                          assertThat(d.stepId()).isEqualTo("p1");
                          assertThat(d.pointer()).isEqualTo("/steps/0/branches/0/steps/0/input/b");
                          assertThat(d.message()).contains("'branch' is neither a variable");
                        }));
    assertThat(log.size()).as("events of any run").isZero();
  }
}
