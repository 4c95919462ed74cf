package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.LoopStep;
import io.baton.api.definition.StepDef;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent.ScopeOpened;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepException;
import io.baton.api.run.StepStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** loop steps: the iteration cap, until and while, the loop variables, and failing iterations. */
class LoopStepTest extends EngineTest {
  private final AtomicInteger counter = new AtomicInteger();

  @BeforeEach
  void setUp() {
    engine(
        b ->
            b.tool("echo", "echo", (args, ctx) -> args)
                .tool(
                    "countdown",
                    "says more until its third call",
                    (args, ctx) -> counter.incrementAndGet() >= 3 ? "done" : "more")
                .tool(
                    "failOn",
                    "fails on the given iteration",
                    (args, ctx) -> {
                      if (args.get("i").equals(args.get("bad"))) {
                        throw new StepException(
                            ErrorKind.BAD_INPUT, "bad iteration " + args.get("i"));
                      }
                      return args.get("i");
                    }));
  }

  private static LoopStep loop(
      String whileCond, String until, int max, Object result, StepDef... body) {
    return new LoopStep(step("loop").build(), whileCond, until, max, List.of(body), result);
  }

  @Test
  void withoutConditionsTheLoopRunsMaxIterationsWithIterationAndPrevious() {
    var body = tool("a", "echo", map("i", "${iteration}", "prev", "${previous}"));
    RunView done = run(flow("capped", loop(null, null, 3, "${steps.a.output.i}", body)), Map.of());

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    Map<String, Object> out = new java.util.HashMap<>();
    out.put("iterations", 3);
    out.put("result", 2L);
    out.put("results", List.of(0L, 1L, 2L));
    assertThat(stepIn(done, "loop").output()).isEqualTo(out);
    Map<String, Object> first = new java.util.HashMap<>();
    first.put("i", 0);
    first.put("prev", null);
    assertThat(stepIn(done, "loop[0]/a").input()).isEqualTo(first);
    assertThat(stepIn(done, "loop[2]/a").input()).isEqualTo(Map.of("i", 2, "prev", 1L));
    assertThat(log.events(done.runId(), ScopeOpened.class))
        .extracting(ScopeOpened::key)
        .containsExactly("0", "1", "2");
  }

  @Test
  void untilStopsAfterTheIterationWhoseResultSatisfiesIt() {
    var body = tool("tick", "countdown", map());
    RunView done = run(flow("until", loop(null, "result == \"done\"", 10, null, body)), Map.of());
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "loop").output())
        .isEqualTo(
            Map.of("iterations", 3, "result", "done", "results", List.of("more", "more", "done")));
    assertThat(counter.get()).isEqualTo(3);
  }

  @Test
  void untilThatNeverHoldsEndsAtMaxIterationsWithoutAnError() {
    var body = tool("a", "echo", map("i", "${iteration}"));
    RunView done =
        run(
            flow("never", loop(null, "result == \"never\"", 4, "${steps.a.output.i}", body)),
            Map.of());
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "loop").output())
        .isEqualTo(Map.of("iterations", 4, "result", 3L, "results", List.of(0L, 1L, 2L, 3L)));
  }

  @Test
  void whileFalseRunsNoIteration() {
    var body = tool("a", "echo", map());
    RunView done = run(flow("zero", loop("false", null, 5, null, body)), Map.of());
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    Map<String, Object> out = new java.util.HashMap<>();
    out.put("iterations", 0);
    out.put("result", null);
    out.put("results", List.of());
    assertThat(stepIn(done, "loop").output()).isEqualTo(out);
    assertThat(done.steps().keySet()).containsExactly("loop");
  }

  @Test
  void whileIsCheckedBeforeEachIterationAgainstThePreviousResult() {
    var body = tool("a", "echo", map("i", "${iteration}"));
    RunView done = run(flow("once", loop("previous == null", null, 5, null, body)), Map.of());
    assertThat(stepIn(done, "loop").output())
        .isEqualTo(
            Map.of(
                "iterations", 1, "result", Map.of("i", 0L), "results", List.of(Map.of("i", 0L))));
  }

  @Test
  void whileTrueIsBoundedByMaxIterations() {
    var body = tool("a", "echo", map("i", "${iteration}"));
    RunView done =
        run(flow("bounded", loop("true", null, 4, "${steps.a.output.i}", body)), Map.of());
    assertThat(stepIn(done, "loop").output())
        .isEqualTo(Map.of("iterations", 4, "result", 3L, "results", List.of(0L, 1L, 2L, 3L)));
  }

  @Test
  void aFailingIterationFailsTheLoopAndNoFurtherIterationStarts() {
    var body = tool("a", "failOn", map("i", "${iteration}", "bad", 1));
    RunView done =
        run(
            flow("failing", loop(null, null, 5, null, body), tool("after", "echo", map(), "loop")),
            Map.of());
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failedStep()).isEqualTo("loop");
    assertThat(done.failure().message()).isEqualTo("iteration 1 of 'loop' failed: bad iteration 1");
    assertThat(statuses(done))
        .containsEntry("loop[0]/a", StepStatus.COMPLETED)
        .containsEntry("loop[1]/a", StepStatus.FAILED)
        .doesNotContainKeys("loop[2]/a", "after");
  }

  @Test
  void iterationsRunOneAfterTheOther() {
    List<String> order = new ArrayList<>();
    var body =
        List.<StepDef>of(
            tool("first", "echo", map("i", "${iteration}")),
            tool("second", "echo", map("i", "${steps.first.output.i}"), "first"));
    var l = new LoopStep(step("loop").build(), null, null, 2, body, null);
    RunView done = run(flow("seq", l), Map.of());
    for (var e : log.events(done.runId())) {
      if (e instanceof io.baton.api.run.RunEvent.StepCompleted c && c.path().startsWith("loop[")) {
        order.add(c.path());
      }
    }
    assertThat(order)
        .containsExactly("loop[0]/first", "loop[0]/second", "loop[1]/first", "loop[1]/second");
  }

  @Test
  void whileWithAComparisonNeedsCel() {
    var body = tool("a", "echo", map("i", "${iteration}"));
    RunView done =
        run(flow("cel", loop("iteration < 3", null, 10, "${steps.a.output.i}", body)), Map.of());
    assertThat(stepIn(done, "loop").output())
        .isEqualTo(Map.of("iterations", 3, "result", 2L, "results", List.of(0L, 1L, 2L)));
  }
}
