package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.ConditionStep;
import io.baton.api.definition.EndStep;
import io.baton.api.definition.JoinMode;
import io.baton.api.definition.StartStep;
import io.baton.api.definition.SwitchCase;
import io.baton.api.definition.SwitchStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent.StepSkipped;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** start / end, condition (then / else, skip propagation, joins) and switch steps. */
class ControlFlowStepTest extends EngineTest {
  private Blocker slow;
  private Blocker fast;

  @BeforeEach
  void setUp() {
    slow = blocker();
    fast = blocker();
    engine(
        b ->
            b.tool("echo", "returns its arguments", (args, ctx) -> args)
                .tool("slow", "blocks", slow)
                .tool("fast", "blocks too", fast));
  }

  @Test
  void startOutputsTheInputsAndEndCompletesTheRunCancellingWhatStillRuns() {
    var start = new StartStep(step("start").build());
    var quick = tool("quick", "fast", map("v", "${steps.start.output.v}"), "start");
    var lingering = tool("lingering", "slow", map(), "start");
    var end =
        new EndStep(step("end").after("quick").build(), map("result", "${steps.quick.output.v}"));
    var afterEnd = tool("never", "echo", map(), "lingering");
    WorkflowDefinition wf = flow("end-early", start, quick, lingering, end, afterEnd);

    var run = baton.start(wf, Map.of("v", "x"));
    slow.awaitStarted(1);
    fast.awaitStarted(1);
    fast.release(1);
    RunView done = run.await(EventLog.TIMEOUT);

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.outputs()).isEqualTo(Map.of("result", "x"));
    assertThat(stepIn(done, "start").output()).isEqualTo(Map.of("v", "x"));
    assertThat(stepIn(done, "end").status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(stepIn(done, "lingering").status()).isEqualTo(StepStatus.CANCELLED);
    assertThat(done.step("never")).isNull();
    slow.awaitInterrupted(1);
    assertThat(log.kindsFor(run.id(), "lingering"))
        .containsExactly("StepScheduled", "StepStarted", "StepCancelled");
  }

  @Test
  void anEndStepsOutputMayHoldANullNextToItsPlaceholders() {
    var a = tool("a", "echo", map("v", "x"));
    var end =
        new EndStep(
            step("end").after("a").build(), map("deployed", null, "v", "${steps.a.output.v}"));
    RunView done = run(flow("end-null", a, end), Map.of());

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    Map<String, Object> expected = new java.util.HashMap<>();
    expected.put("deployed", null);
    expected.put("v", "x");
    assertThat(done.outputs()).isEqualTo(expected);
  }

  @Test
  void withoutAnEndStepTheOutputIsThatOfTheLastCompletedTopLevelStep() {
    fast.releaseAll();
    var a = tool("a", "echo", map("n", 1));
    var b = tool("b", "fast", map("n", 2), "a");
    RunView done = run(flow("last", a, b), Map.of());
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.outputs()).isEqualTo(Map.of("n", 2L));
  }

  private WorkflowDefinition conditionFlow() {
    var check =
        new ConditionStep(
            step("check").build(), "inputs.flag == \"yes\"", List.of("yes"), List.of("no"));
    var yes = tool("yes", "echo", map("took", "then"));
    var no = tool("no", "echo", map("took", "else"));
    var afterYes = tool("afterYes", "echo", map("from", "${steps.yes.output.took}"), "yes");
    var join =
        tool(
            "join",
            "echo",
            map("yes", "${steps.yes.status}", "no", "${steps.no.status}"),
            "yes",
            "no");
    return flow("cond", check, yes, no, afterYes, join);
  }

  @Test
  void conditionTrueRunsThenSkipsElseAndTheJoinRunsAfterBothBranches() {
    RunView done = run(conditionFlow(), Map.of("flag", "yes"));

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "check").output()).isEqualTo(Map.of("value", true, "branch", "then"));
    assertThat(statuses(done))
        .containsEntry("yes", StepStatus.COMPLETED)
        .containsEntry("no", StepStatus.SKIPPED)
        .containsEntry("afterYes", StepStatus.COMPLETED)
        .containsEntry("join", StepStatus.COMPLETED);
    assertThat(stepIn(done, "afterYes").output()).isEqualTo(Map.of("from", "then"));
    assertThat(stepIn(done, "join").input()).isEqualTo(Map.of("yes", "completed", "no", "skipped"));
    assertThat(log.events(done.runId(), StepSkipped.class))
        .extracting(StepSkipped::path, StepSkipped::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("no", "branch 'else' of 'check' was not taken"));
  }

  @Test
  void conditionFalseSkipsThenAndTheSkipPropagatesToStepsThatDependOnlyOnIt() {
    RunView done = run(conditionFlow(), Map.of("flag", "no"));

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "check").output()).isEqualTo(Map.of("value", false, "branch", "else"));
    assertThat(statuses(done))
        .containsEntry("yes", StepStatus.SKIPPED)
        .containsEntry("afterYes", StepStatus.SKIPPED)
        .containsEntry("no", StepStatus.COMPLETED)
        .containsEntry("join", StepStatus.COMPLETED);
    assertThat(stepIn(done, "join").input()).isEqualTo(Map.of("yes", "skipped", "no", "completed"));
    assertThat(log.events(done.runId(), StepSkipped.class))
        .extracting(StepSkipped::path, StepSkipped::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("yes", "branch 'then' of 'check' was not taken"),
            org.assertj.core.groups.Tuple.tuple("afterYes", "all its dependencies were skipped"));
    assertThat(done.outputs()).isEqualTo(stepIn(done, "join").output());
  }

  @Test
  void conditionCanReadAnEarlierStepsOutput() {
    var probe = tool("probe", "echo", map("flag", "${inputs.answer}"));
    var check =
        new ConditionStep(
            step("check").after("probe").build(),
            "steps.probe.output.flag == \"yes\"",
            List.of("go"),
            List.of());
    var go = tool("go", "echo", map("went", true));
    var wf = flow("probe", probe, check, go);

    assertThat(statuses(run(wf, Map.of("answer", "yes"))))
        .containsEntry("go", StepStatus.COMPLETED);
    assertThat(statuses(run(wf, Map.of("answer", "no")))).containsEntry("go", StepStatus.SKIPPED);
  }

  @Test
  void aStepWhoseWhenIsFalseIsSkippedAndSoAreItsOnlyDependents() {
    var a = step("a").when("false").input(map("x", 1)).tool("echo");
    var b = tool("b", "echo", map(), "a");
    var c = step("c").after("a").join(JoinMode.ALWAYS).input(map("ran", true)).tool("echo");
    RunView done = run(flow("when", a, b, c), Map.of());

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(statuses(done))
        .containsEntry("a", StepStatus.SKIPPED)
        .containsEntry("b", StepStatus.SKIPPED)
        .containsEntry("c", StepStatus.COMPLETED);
    assertThat(log.events(done.runId(), StepSkipped.class).getFirst().reason())
        .isEqualTo("its condition is false");
  }

  @Test
  void joinAnyRunsAsSoonAsOneDependencyCompleted() {
    var a = tool("a", "echo", map("n", 1));
    var b = tool("b", "slow", map());
    var c =
        step("c")
            .after("a", "b")
            .join(JoinMode.ANY)
            .input(map("a", "${steps.a.output.n}"))
            .tool("echo");
    var run = baton.start(flow("any", a, b, c), Map.of());
    slow.awaitStarted(1);
    RunView view = waitForStep(run.id(), "c", StepStatus.COMPLETED);
    assertThat(stepIn(view, "b").status()).isEqualTo(StepStatus.RUNNING);
    assertThat(stepIn(view, "c").output()).isEqualTo(Map.of("a", 1L));
    slow.release(1);
    assertThat(run.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aConditionThatIsNotABooleanFailsTheStepWithAnExpressionError() {
    var check = new ConditionStep(step("check").build(), "inputs.name", List.of(), List.of());
    RunView done = run(flow("not-bool", check), Map.of("name", "bob"));
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failedStep()).isEqualTo("check");
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.EXPRESSION);
    assertThat(done.failure().message()).contains("must be true or false");
  }

  private WorkflowDefinition switchFlow() {
    var sw =
        new SwitchStep(
            step("route").build(),
            "inputs.kind",
            List.of(
                new SwitchCase("a", null, List.of("onA")),
                new SwitchCase(2, null, List.of("onTwo"))),
            List.of("onOther"));
    return flow(
        "switch",
        sw,
        tool("onA", "echo", map("case", "a")),
        tool("onTwo", "echo", map("case", "two")),
        tool("onOther", "echo", map("case", "other")),
        tool("after", "echo", map("a", "${steps.onA.status}"), "onA", "onTwo", "onOther"));
  }

  @Test
  void switchTakesTheFirstCaseWhoseValueEquals() {
    RunView done = run(switchFlow(), Map.of("kind", "a"));
    assertThat(stepIn(done, "route").output())
        .isEqualTo(Map.of("value", "a", "branch", "case:0", "case", 0));
    assertThat(statuses(done))
        .containsEntry("onA", StepStatus.COMPLETED)
        .containsEntry("onTwo", StepStatus.SKIPPED)
        .containsEntry("onOther", StepStatus.SKIPPED)
        .containsEntry("after", StepStatus.COMPLETED);
    assertThat(done.outputs()).isEqualTo(Map.of("a", "completed"));
  }

  @Test
  void switchMatchesNumbersByValueWhateverTheirJavaType() {
    RunView done = run(switchFlow(), Map.of("kind", 2L));
    assertThat(stepIn(done, "route").output())
        .isEqualTo(Map.of("value", 2L, "branch", "case:1", "case", 1));
    assertThat(statuses(done))
        .containsEntry("onA", StepStatus.SKIPPED)
        .containsEntry("onTwo", StepStatus.COMPLETED)
        .containsEntry("onOther", StepStatus.SKIPPED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zzz", "A", "2"})
  void switchTakesTheDefaultWhenNoCaseMatches(String kind) {
    RunView done = run(switchFlow(), Map.of("kind", kind));
    assertThat(stepIn(done, "route").output())
        .isEqualTo(Map.of("value", kind, "branch", "default", "case", "default"));
    assertThat(statuses(done))
        .containsEntry("onA", StepStatus.SKIPPED)
        .containsEntry("onTwo", StepStatus.SKIPPED)
        .containsEntry("onOther", StepStatus.COMPLETED)
        .containsEntry("after", StepStatus.COMPLETED);
  }

  @Test
  void conditionWithAComparisonNeedsCel() {
    var check =
        new ConditionStep(step("check").build(), "inputs.n > 3", List.of("big"), List.of("small"));
    var wf = flow("cmp", check, tool("big", "echo", map()), tool("small", "echo", map()));
    assertThat(statuses(run(wf, Map.of("n", 5L))))
        .containsEntry("big", StepStatus.COMPLETED)
        .containsEntry("small", StepStatus.SKIPPED);
    assertThat(statuses(run(wf, Map.of("n", 1L))))
        .containsEntry("big", StepStatus.SKIPPED)
        .containsEntry("small", StepStatus.COMPLETED);
  }

  @Test
  void switchCaseWithAWhenExpressionNeedsCel() {
    var sw =
        new SwitchStep(
            step("route").build(),
            "inputs.n",
            List.of(new SwitchCase(null, "value > 10", List.of("big"))),
            List.of("small"));
    var wf = flow("sw-cel", sw, tool("big", "echo", map()), tool("small", "echo", map()));
    RunView done = run(wf, Map.of("n", 42L));
    assertThat(stepIn(done, "route").output())
        .isEqualTo(Map.of("value", 42L, "branch", "case:0", "case", 0));
    assertThat(statuses(done)).containsEntry("big", StepStatus.COMPLETED);
  }
}
