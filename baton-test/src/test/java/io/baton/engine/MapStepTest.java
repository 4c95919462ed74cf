package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.MapStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent.ScopeOpened;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepException;
import io.baton.api.run.StepStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** map steps: order of results, concurrency limit, empty lists and failing items. */
class MapStepTest extends EngineTest {

  private static MapStep mapOver(String items, int maxConcurrency, StepDef... body) {
    return new MapStep(step("m").build(), items, null, maxConcurrency, List.of(body), null);
  }

  private static long x(Map<String, Object> args) {
    return ((Number) args.get("x")).longValue();
  }

  @Test
  void resultsComeInInputOrderWhateverOrderTheItemsFinishIn() {
    Blocker first = blocker();
    engine(
        b ->
            b.tool(
                "work",
                "ten times x; item 3 waits",
                (args, ctx) -> {
                  if (x(args) == 3) {
                    first.invoke(args, ctx);
                  }
                  return x(args) * 10;
                }));
    var wf =
        flow(
            "order",
            mapOver(
                "${inputs.items}", 0, tool("work", "work", map("x", "${item}", "i", "${index}"))));
    var run = baton.start(wf, Map.of("items", List.of(3L, 1L, 2L)));
    first.awaitStarted(1);
    waitForStep(run.id(), "m[1]/work", StepStatus.COMPLETED);
    RunView meanwhile = waitForStep(run.id(), "m[2]/work", StepStatus.COMPLETED);
    assertThat(stepIn(meanwhile, "m[0]/work").status()).isEqualTo(StepStatus.RUNNING);
    first.release(1);

    RunView done = run.await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "m").output()).isEqualTo(List.of(30L, 10L, 20L));
    assertThat(stepIn(done, "m[0]/work").input()).isEqualTo(Map.of("x", 3L, "i", 0));
    assertThat(stepIn(done, "m[2]/work").input()).isEqualTo(Map.of("x", 2L, "i", 2));
    assertThat(done.outputs()).isEqualTo(List.of(30L, 10L, 20L));
  }

  @Test
  void maxConcurrencyBoundsHowManyItemsRunAtOnce() {
    Blocker work = blocker(args -> args.get("x"));
    engine(b -> b.tool("work", "blocks", work));
    var wf =
        flow("bounded", mapOver("${inputs.items}", 2, tool("work", "work", map("x", "${item}"))));
    var run = baton.start(wf, Map.of("items", List.of("a", "b", "c", "d", "e")));

    work.awaitStarted(2);
    RunView view = waitForStep(run.id(), "m[1]/work", StepStatus.RUNNING);
    assertThat(log.events(run.id(), ScopeOpened.class)).hasSize(2);
    assertThat(view.steps().keySet()).containsExactly("m", "m[0]/work", "m[1]/work");
    assertThat(work.active()).isEqualTo(2);

    for (int i = 0; i < 3; i++) {
      work.release(1);
      work.awaitStarted(1);
      baton.status(run.id());
      assertThat(work.active()).isLessThanOrEqualTo(2);
    }
    work.release(2);
    RunView done = run.await(EventLog.TIMEOUT);

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "m").output()).isEqualTo(List.of("a", "b", "c", "d", "e"));
    assertThat(work.calls()).isEqualTo(5);
    assertThat(work.maxActive()).isEqualTo(2);
    assertThat(log.events(run.id(), ScopeOpened.class))
        .extracting(ScopeOpened::key)
        .containsExactly("0", "1", "2", "3", "4");
  }

  @Test
  void aLiteralListInYamlIsMappedOverAndItsTemplatesAreFilledIn() {
    engine(
        b ->
            b.tool(
                "shout", "upper-cases x", (args, ctx) -> ((String) args.get("x")).toUpperCase()));
    WorkflowDefinition wf =
        baton
            .loader()
            .parse(
                """
                id: literal-items
                inputs: {type: object, properties: {city: {type: string}}}
                steps:
                  - id: each
                    type: map
                    items: [paris, "${inputs.city}", tokyo]
                    steps:
                      - {id: up, type: tool, tool: shout, input: {x: "${item}"}}
                """,
                "literal-items.yaml")
            .orThrow();
    RunView done = run(wf, Map.of("city", "lima"));
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.steps().get("each").output()).isEqualTo(List.of("PARIS", "LIMA", "TOKYO"));
  }

  @Test
  void itemsThatAreNeitherAListNorAnExpressionAreRefusedAtTheirPointer() {
    engine(b -> b);
    var result =
        baton
            .loader()
            .parse(
                """
                id: bad-items
                steps:
                  - {id: each, type: map, items: {a: 1}, steps: [{id: s, type: transform, value: 1}]}
                """,
                "bad-items.yaml");
    assertThat(result.diagnostics())
        .anySatisfy(d -> assertThat(d.pointer()).isEqualTo("/steps/0/items"));
  }

  @Test
  void anEmptyListCompletesAtOnceWithAnEmptyResult() {
    engine(
        b ->
            b.tool(
                    "work",
                    "never called",
                    (args, ctx) -> {
                      throw new AssertionError("no item to work on");
                    })
                .tool("echo", "echo", (args, ctx) -> args));
    var wf =
        flow(
            "empty",
            mapOver("${inputs.items}", 0, tool("work", "work", map("x", "${item}"))),
            tool("after", "echo", map("results", "${steps.m.output}"), "m"));
    RunView done = run(wf, Map.of("items", List.of()));
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "m").output()).isEqualTo(List.of());
    assertThat(stepIn(done, "after").output()).isEqualTo(Map.of("results", List.of()));
    assertThat(log.events(done.runId(), ScopeOpened.class)).isEmpty();
    assertThat(done.steps().keySet()).containsExactly("m", "after");
  }

  @Test
  void aNullItemReadsAsNullNotAsAnUnsetVariable() {
    engine(b -> b.tool("echo", "echo", (args, ctx) -> args));
    var m =
        new MapStep(
            step("m").build(),
            "${inputs.items}",
            null,
            0,
            List.of(tool("work", "echo", map("v", "${item}"))),
            "${steps.work.output.v}");
    RunView done = run(flow("nulls", m), Map.of("items", java.util.Arrays.asList("a", null)));

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "m").output()).isEqualTo(java.util.Arrays.asList("a", null));
  }

  @Test
  void itemsThatAreNotAListFailTheStepWithBadInput() {
    engine(b -> b.tool("work", "echo", (args, ctx) -> args));
    var wf = flow("bad", mapOver("${inputs.items}", 0, tool("work", "work", map())));
    RunView done = run(wf, Map.of("items", "not a list"));
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.BAD_INPUT);
    assertThat(done.failure().message()).contains("items must be a list").contains("not a list");
  }

  @Test
  void aFailingItemFailsTheMapAndCancelsTheItemsStillRunning() throws Exception {
    Blocker others = blocker();
    CountDownLatch go = new CountDownLatch(1);
    engine(
        b ->
            b.tool(
                "work",
                "item 2 fails once allowed to; the others block",
                (args, ctx) -> {
                  if (x(args) == 2) {
                    if (!go.await(10, TimeUnit.SECONDS)) {
                      throw new IllegalStateException("never allowed to fail");
                    }
                    throw new StepException(ErrorKind.BAD_INPUT, "two is bad");
                  }
                  return others.invoke(args, ctx);
                }));
    var wf =
        flow(
            "failing",
            mapOver("${inputs.items}", 0, tool("work", "work", map("x", "${item}"))),
            tool("after", "work", map("x", 0), "m"));
    var run = baton.start(wf, Map.of("items", List.of(1L, 2L, 3L)));
    others.awaitStarted(2);
    go.countDown();

    RunView done = run.await(EventLog.TIMEOUT);
    others.awaitInterrupted(2);
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failedStep()).isEqualTo("m");
    assertThat(done.failure().message()).isEqualTo("item 1 of 'm' failed: two is bad");
    assertThat(statuses(done))
        .containsEntry("m", StepStatus.FAILED)
        .containsEntry("m[0]/work", StepStatus.CANCELLED)
        .containsEntry("m[1]/work", StepStatus.FAILED)
        .containsEntry("m[2]/work", StepStatus.CANCELLED)
        .doesNotContainKey("after");
  }

  @Test
  void aBodyOfSeveralStepsYieldsTheOutputOfItsLastStepOrTheResultTemplate() {
    engine(b -> b.tool("echo", "echo", (args, ctx) -> args));
    var body =
        List.<StepDef>of(
            tool("double", "echo", map("v", "${item}", "tag", "d")),
            tool("wrap", "echo", map("inner", "${steps.double.output.v}"), "double"));
    var plain = new MapStep(step("m").build(), "${inputs.items}", null, 1, body, null);
    RunView done = run(flow("multi", plain), Map.of("items", List.of("p", "q")));
    assertThat(stepIn(done, "m").output())
        .isEqualTo(List.of(Map.of("inner", "p"), Map.of("inner", "q")));

    var templated =
        new MapStep(
            step("m").build(), "${inputs.items}", null, 0, body, "${steps.double.output.tag}");
    RunView done2 = run(flow("multi2", templated), Map.of("items", List.of("p", "q")));
    assertThat(stepIn(done2, "m").output()).isEqualTo(List.of("d", "d"));
  }

  @Test
  void theItemVariableCanBeRenamedWithAs() {
    engine(b -> b.tool("echo", "echo", (args, ctx) -> args));
    var m =
        new MapStep(
            step("m").build(),
            "${inputs.items}",
            "n",
            0,
            List.of(tool("work", "echo", map("v", "${n}"))),
            "${steps.work.output.v}");
    WorkflowDefinition wf = flow("as", m);
    assertThat(stepIn(run(wf, Map.of("items", List.of(1L, 2L))), "m").output())
        .isEqualTo(List.of(1L, 2L));
  }

  @Test
  void itemsMayComeFromAnExpression() {
    engine(b -> b.tool("echo", "echo", (args, ctx) -> args));
    var m =
        new MapStep(
            step("m").build(),
            "inputs.items.filter(i, i > 1)",
            null,
            0,
            List.of(tool("work", "echo", map("v", "${item}"))),
            "${steps.work.output.v}");
    assertThat(stepIn(run(flow("expr", m), Map.of("items", List.of(1L, 2L, 3L))), "m").output())
        .isEqualTo(List.of(2L, 3L));
  }

  @Test
  void nestedMapsKeepTheirItemsApartAndNestTheirResults() {
    engine(
        b -> b.tool("pair", "pairs", (args, ctx) -> args.get("outer") + "-" + args.get("inner")));
    var inner =
        new MapStep(
            step("inner").build(),
            "${item.letters}",
            null,
            0,
            List.of(tool("p", "pair", map("outer", "${index}", "inner", "${item}"))),
            null);
    var outer =
        new MapStep(step("outer").build(), "${inputs.groups}", null, 1, List.of(inner), null);
    RunView done =
        run(
            flow("nested", outer),
            Map.of(
                "groups",
                List.of(Map.of("letters", List.of("a", "b")), Map.of("letters", List.of("c")))));
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "outer").output())
        .isEqualTo(List.of(List.of("0-a", "1-b"), List.of("0-c")));
    assertThat(done.steps().keySet())
        .contains("outer[0]/inner", "outer[0]/inner[1]/p", "outer[1]/inner[0]/p");
  }
}
