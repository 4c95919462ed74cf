package io.baton.engine.language;

import static io.baton.engine.language.Loading.clean;
import static io.baton.engine.language.Loading.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.Backoff;
import io.baton.api.definition.ConditionStep;
import io.baton.api.definition.CustomStep;
import io.baton.api.definition.EndStep;
import io.baton.api.definition.ErrorPolicy;
import io.baton.api.definition.EventStep;
import io.baton.api.definition.EventWait;
import io.baton.api.definition.FallbackAction;
import io.baton.api.definition.HumanStep;
import io.baton.api.definition.JoinMode;
import io.baton.api.definition.LoopStep;
import io.baton.api.definition.MapStep;
import io.baton.api.definition.ModuleStep;
import io.baton.api.definition.ParallelMode;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.Priority;
import io.baton.api.definition.ResourceRequest;
import io.baton.api.definition.RetryPolicy;
import io.baton.api.definition.StartStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.SubworkflowStep;
import io.baton.api.definition.SwitchCase;
import io.baton.api.definition.SwitchStep;
import io.baton.api.definition.TimeoutAction;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.TransformStep;
import io.baton.api.definition.WaitStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorCategory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The native language binds every field of every step type into the model. */
class StepBindingTest {
  static WorkflowDefinition everything;

  @BeforeAll
  static void load() throws Exception {
    LanguageContext context =
        LanguageContext.of(new FakeExpressions()).withStepType("agent", Map.of());
    Path file = Path.of(StepBindingTest.class.getResource("/native/everything.yaml").toURI());
    LoadResult result = new WorkflowLoader(context).load(file);
    assertThat(result.diagnostics()).isEmpty();
    everything = result.definition();
  }

  private static <T extends StepDef> T step(String id, Class<T> type) {
    return type.cast(
        everything.allSteps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow());
  }

  @Test
  void topLevelFields() {
    assertThat(everything.id()).isEqualTo("order-review");
    assertThat(everything.version()).isEqualTo("2.1");
    assertThat(everything.name()).isEqualTo("Order review");
    assertThat(everything.expressionLanguage()).isEqualTo("cel");
    assertThat(everything.inputs()).containsEntry("required", List.of("orderId", "amount"));
    assertThat(everything.outputs())
        .isEqualTo(
            Map.of("decision", "${steps.decide.output}", "items", "${steps.each-item.output}"));
    assertThat(everything.metadata()).containsEntry("owner", "sales");
    assertThat(everything.policies().timeout()).isEqualTo(Duration.ofHours(2));
    assertThat(everything.policies().retry())
        .isEqualTo(
            new RetryPolicy(
                2,
                Backoff.LINEAR,
                Duration.ofMillis(500),
                Duration.ofSeconds(10),
                0.1,
                Set.of(ErrorCategory.RETRYABLE, ErrorCategory.SYSTEM)));
    assertThat(everything.policies().maxConcurrency()).isEqualTo(8);
    assertThat(everything.policies().priority()).isEqualTo(Priority.HIGH);
    assertThat(everything.policies().fallbacks())
        .containsExactly(new FallbackAction("timeout", "escalate-to-human"));
  }

  @Test
  void commonFields() {
    ToolStep fetch = step("fetch", ToolStep.class);
    var c = fetch.common();
    assertThat(c.name()).isEqualTo("Fetch the order");
    assertThat(c.description()).isEqualTo("Loads the order from the shop.");
    assertThat(c.dependsOn()).containsExactly("begin");
    assertThat(c.input()).isEqualTo(Map.of("id", "${inputs.orderId}"));
    assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.retry().maxRetries()).isEqualTo(5);
    assertThat(c.retry().maxDelay()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.onError()).isEqualTo(ErrorPolicy.goTo("apologise"));
    assertThat(c.priority()).isEqualTo(Priority.CRITICAL);
    assertThat(c.resources())
        .containsExactly(
            new ResourceRequest("shop-api", 2, null), new ResourceRequest(null, 0, "order-table"));
    assertThat(c.ui()).isEqualTo(Map.of("x", 100, "y", 0, "color", "#ffcc00"));
    assertThat(fetch.tool()).isEqualTo("shop.get-order");
    assertThat(step("decide", SwitchStep.class).common().join()).isEqualTo(JoinMode.ANY);
    assertThat(step("done", EndStep.class).common().when()).isEqualTo("true");
    assertThat(step("reject", EventStep.class).common().onError()).isEqualTo(ErrorPolicy.CONTINUE);
  }

  @Test
  void flowSteps() {
    assertThat(step("begin", StartStep.class).common().ui()).containsEntry("x", 0);
    assertThat(step("done", EndStep.class).output()).isEqualTo(Map.of("status", "done"));
    ConditionStep big = step("big", ConditionStep.class);
    assertThat(big.condition()).isEqualTo("steps.fetch.output.amount > 1000");
    assertThat(big.whenTrue()).containsExactly("approve");
    assertThat(big.whenFalse()).containsExactly("auto");
    SwitchStep decide = step("decide", SwitchStep.class);
    assertThat(decide.value()).isEqualTo("steps.approve.output.approved");
    assertThat(decide.cases())
        .containsExactly(
            new SwitchCase(true, null, List.of("each-item")),
            new SwitchCase(null, "value == false", List.of("reject")));
    assertThat(decide.defaultNext()).containsExactly("reject");
  }

  @Test
  void containerSteps() {
    MapStep each = step("each-item", MapStep.class);
    assertThat(each.items()).isEqualTo("steps.fetch.output.items");
    assertThat(each.as()).isEqualTo("line");
    assertThat(each.maxConcurrency()).isEqualTo(4);
    assertThat(each.steps()).extracting(StepDef::id).containsExactly("price");
    assertThat(each.result()).isEqualTo("${steps.price.output}");
    ParallelStep checks = step("checks", ParallelStep.class);
    assertThat(checks.mode()).isEqualTo(ParallelMode.FAIL_FAST);
    assertThat(checks.branches()).extracting(b -> b.id()).containsExactly("stock", "fraud");
    assertThat(checks.branches().getFirst().steps())
        .extracting(StepDef::id)
        .containsExactly("reserve", "confirm");
    LoopStep poll = step("poll", LoopStep.class);
    assertThat(poll.whileCondition()).isEqualTo("true");
    assertThat(poll.untilCondition()).isEqualTo("steps.status.output.done");
    assertThat(poll.maxIterations()).isEqualTo(20);
    assertThat(poll.steps()).extracting(StepDef::id).containsExactly("status", "pause");
    assertThat(poll.result()).isEqualTo("${steps.status.output}");
  }

  @Test
  void waitingAndCallingSteps() {
    assertThat(step("pause", WaitStep.class).duration()).isEqualTo(Duration.ofSeconds(5));
    assertThat(step("shipped", WaitStep.class).event())
        .isEqualTo(new EventWait("order.shipped", "${inputs.orderId}"));
    assertThat(step("shipped", WaitStep.class).common().timeout()).isEqualTo(Duration.ofDays(7));
    assertThat(step("deadline", WaitStep.class).until()).isEqualTo("${inputs.deadline}");
    HumanStep approve = step("approve", HumanStep.class);
    assertThat(approve.prompt()).startsWith("Approve order ${inputs.orderId}");
    assertThat(approve.form()).containsEntry("type", "object");
    assertThat(approve.assignees()).containsExactly("managers");
    assertThat(approve.onTimeout()).isEqualTo(TimeoutAction.USE_DEFAULT);
    assertThat(approve.defaultValue()).isEqualTo(Map.of("approved", false));
    EventStep reject = step("reject", EventStep.class);
    assertThat(reject.event()).isEqualTo("order.rejected");
    assertThat(reject.data()).isEqualTo(Map.of("orderId", "${inputs.orderId}"));
    assertThat(reject.correlationKey()).isEqualTo("${inputs.orderId}");
    assertThat(step("context", ModuleStep.class).operation()).isEqualTo("create-context");
    assertThat(step("price", SubworkflowStep.class))
        .extracting(SubworkflowStep::workflow, SubworkflowStep::version)
        .containsExactly("price-line", "3");
    assertThat(step("auto", TransformStep.class).expression()).isEqualTo("{'approved': true}");
    assertThat(step("apologise", TransformStep.class).value())
        .isEqualTo(Map.of("message", "sorry about ${inputs.orderId}"));
    assertThat(step("summarise", CustomStep.class).config())
        .isEqualTo(Map.of("agent", "writer", "prompt", "Summarise the order."));
  }

  @Test
  void theParallelShorthandMakesEachStepABranchNamedByItsId() {
    WorkflowDefinition d =
        clean(
                yaml(
                    """
                    id: w
                    steps:
                      - id: both
                        type: parallel
                        steps:
                          - {id: a, type: tool, tool: t}
                          - {id: b, type: tool, tool: t}
                    """))
            .definition();
    ParallelStep both = (ParallelStep) d.steps().getFirst();
    assertThat(both.branches()).extracting(b -> b.id()).containsExactly("a", "b");
    assertThat(both.branches()).allSatisfy(b -> assertThat(b.steps()).hasSize(1));
    assertThat(both.mode()).isEqualTo(ParallelMode.ALL_SETTLED);
  }

  @Test
  void aShorthandProblemPointsIntoTheShorthandList() {
    LoadResult r =
        yaml(
            "id: w\nsteps:\n  - id: both\n    type: parallel\n    steps:\n      - {id: a, type: tool}\n");
    Diagnostic d = Loading.only(r, "missing-field");
    assertThat(d.pointer()).isEqualTo("/steps/0/steps/0/tool");
    assertThat(d.line()).isEqualTo(6);
  }

  @Test
  void enumsInAnyCaseStyleAndSingleStringLists() {
    WorkflowDefinition d =
        clean(
                yaml(
                    """
                    id: w
                    steps:
                      - {id: a, type: tool, tool: t, priority: CRITICAL, join: Always}
                      - id: p
                        type: parallel
                        mode: fail-fast
                        dependsOn: a
                        steps: [{id: b, type: tool, tool: t, retry: {retryOn: NON_RETRYABLE}}]
                      - {id: h, type: human, prompt: ok?, assignees: boss, onTimeout: use_default, default: 1}
                    """))
            .definition();
    assertThat(d.steps().get(0).common().priority()).isEqualTo(Priority.CRITICAL);
    assertThat(d.steps().get(0).common().join()).isEqualTo(JoinMode.ALWAYS);
    assertThat(((ParallelStep) d.steps().get(1)).mode()).isEqualTo(ParallelMode.FAIL_FAST);
    assertThat(d.steps().get(1).common().dependsOn()).containsExactly("a");
    RetryPolicy retry = d.allSteps().get(2).common().retry();
    assertThat(retry.retryOn()).containsExactly(ErrorCategory.NON_RETRYABLE);
    assertThat(retry.maxRetries()).as("the default count").isEqualTo(3);
    assertThat(((HumanStep) d.steps().get(2)).assignees()).containsExactly("boss");
    assertThat(((HumanStep) d.steps().get(2)).onTimeout()).isEqualTo(TimeoutAction.USE_DEFAULT);
  }

  @Test
  void jsonBindsLikeYaml() {
    WorkflowDefinition d =
        clean(
                Loading.json(
                    """
                    {"id": "w", "version": 3, "steps": [
                      {"id": "a", "type": "wait", "event": "go", "timeout": "PT5M"},
                      {"id": "b", "type": "tool", "tool": "t", "dependsOn": ["a"]}
                    ]}
                    """))
            .definition();
    assertThat(d.version()).isEqualTo("3");
    assertThat(((WaitStep) d.steps().get(0)).event()).isEqualTo(new EventWait("go", null));
    assertThat(d.steps().get(0).common().timeout()).isEqualTo(Duration.ofMinutes(5));
  }
}
