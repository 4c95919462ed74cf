package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.CustomStep;
import io.baton.api.definition.ModuleStep;
import io.baton.api.definition.TransformStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.spi.CoordinationModule;
import io.baton.api.spi.ExecutionMode;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.StepExecutor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** transform, tool, task (iflow capabilities), module and custom step types. */
class StepTypesTest extends EngineTest {
  private final List<String> moduleCalls = Collections.synchronizedList(new ArrayList<>());

  /** A context module whose operations are declared in two naming styles. */
  private final class ContextModule implements CoordinationModule {
    @Override
    public String name() {
      return "context";
    }

    @Override
    public Set<String> operations() {
      return new java.util.TreeSet<>(Set.of("create-context", "getContext"));
    }

    @Override
    public Object invoke(String operation, Map<String, Object> parameters, StepContext context) {
      moduleCalls.add(operation);
      return Map.of("operation", operation, "params", parameters);
    }
  }

  /** A custom step type that runs on the decider. */
  private static final class Upper implements StepExecutor<CustomStep> {
    @Override
    public String type() {
      return "upper";
    }

    @Override
    public Class<CustomStep> definitionType() {
      return CustomStep.class;
    }

    @Override
    public Object execute(CustomStep step, StepContext context) {
      return String.valueOf(context.inputMap().get("text")).toUpperCase()
          + step.config().get("suffix");
    }

    @Override
    public ExecutionMode mode() {
      return ExecutionMode.INLINE;
    }
  }

  @BeforeEach
  void setUp() {
    engine(
        b ->
            b.tool("echo", "returns its arguments", (args, ctx) -> args)
                .tool("other", "unused", (args, ctx) -> null)
                .module(new ContextModule())
                .task(
                    "analysis",
                    (capability, input, ctx) -> Map.of("capability", capability, "input", input))
                .task("code_review", (capability, input, ctx) -> "reviewed " + input.get("pr"))
                .step(new Upper()));
  }

  @Test
  void aTransformComputesAValueFromATemplate() {
    var a = tool("a", "echo", map("n", 7, "name", "x"));
    var t =
        new TransformStep(
            step("t").after("a").build(),
            null,
            map(
                "count",
                "${steps.a.output.n}",
                "fixed",
                List.of(1, "two"),
                "who",
                "${inputs.who}"));
    RunView done = run(flow("transform", a, t), Map.of("who", "ada"));
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "t").output())
        .isEqualTo(Map.of("count", 7L, "fixed", List.of(1, "two"), "who", "ada"));
    assertThat(stepIn(done, "t").type()).isEqualTo("transform");
  }

  @Test
  void aTransformComputesAValueFromAnExpression() {
    var a = tool("a", "echo", map("nested", map("deep", "value")));
    var t = new TransformStep(step("t").after("a").build(), "steps.a.output.nested", null);
    RunView done = run(flow("transform-expr", a, t), Map.of());
    assertThat(stepIn(done, "t").output()).isEqualTo(Map.of("deep", "value"));
  }

  @Test
  void theSeedsResultAliasReadsAnotherStepsOutput() {
    var a = tool("plan-creation", "echo", map("planId", "p-9"));
    var b = tool("b", "echo", map("plan", "${plan-creation.result.planId}"), "plan-creation");
    assertThat(run(flow("alias", a, b), Map.of()).outputs()).isEqualTo(Map.of("plan", "p-9"));
  }

  @Test
  void aToolStepCallsTheToolWithItsResolvedInputAndContext() {
    List<StepContext> seen = Collections.synchronizedList(new ArrayList<>());
    engine(
        b ->
            b.tool(
                "capture",
                "records its context",
                (args, ctx) -> {
                  seen.add(ctx);
                  return Map.of("args", args);
                }));
    RunView done =
        run(flow("tool", tool("t", "capture", map("q", "${inputs.q}"))), Map.of("q", "why"));
    assertThat(stepIn(done, "t").output()).isEqualTo(Map.of("args", Map.of("q", "why")));
    StepContext ctx = seen.getFirst();
    assertThat(ctx.runId()).isEqualTo(done.runId());
    assertThat(ctx.workflowId()).isEqualTo("tool");
    assertThat(ctx.stepId()).isEqualTo("t");
    assertThat(ctx.path()).isEqualTo("t");
    assertThat(ctx.attempt()).isEqualTo(1);
    assertThat(ctx.input()).isEqualTo(Map.of("q", "why"));
    assertThat(ctx.idempotencyKey()).isEqualTo(done.runId() + "/t/1");
    assertThat(ctx.clock()).isSameAs(clock);
    assertThat(ctx.isCancelled()).isFalse();
  }

  @Test
  void anUnknownToolFailsWithNotFoundNamingTheRegisteredTools() {
    RunView done = run(flow("no-tool", tool("t", "nope", map())), Map.of());
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(done.failure().message())
        .isEqualTo("no tool named 'nope' is registered; registered tools: [echo, other]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "create-context",
        "createContext",
        "create_context",
        "CreateContext",
        "create context"
      })
  void aModuleOperationMatchesInAnyNamingStyle(String operation) {
    var m = new ModuleStep(step("m").input("name", "${inputs.name}").build(), "context", operation);
    RunView done = run(flow("module", m), Map.of("name", "shared"));
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "m").output())
        .isEqualTo(Map.of("operation", "create-context", "params", Map.of("name", "shared")));
    assertThat(moduleCalls).containsExactly("create-context");
  }

  @Test
  void aModuleOperationDeclaredInCamelCaseMatchesKebabCase() {
    var m = new ModuleStep(step("m").build(), "Context", "get-context");
    assertThat(stepIn(run(flow("module2", m), Map.of()), "m").output())
        .isEqualTo(Map.of("operation", "getContext", "params", Map.of()));
  }

  @Test
  void anUnknownModuleFailsWithNotFoundNamingTheRegisteredModules() {
    var m = new ModuleStep(step("m").build(), "plan", "create-plan");
    RunView done = run(flow("no-module", m), Map.of());
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(done.failure().message())
        .isEqualTo("no module named 'plan' is registered; registered modules: [context]");
  }

  @Test
  void anUnknownOperationFailsWithNotFoundNamingTheModulesOperations() {
    var m = new ModuleStep(step("m").build(), "context", "explode");
    RunView done = run(flow("no-op", m), Map.of());
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(done.failure().message())
        .isEqualTo(
            "module 'context' has no operation 'explode'; it offers [create-context, getContext]");
    assertThat(moduleCalls).isEmpty();
  }

  @Test
  void aTaskStepGoesToTheHandlerOfItsCapability() {
    var t =
        new CustomStep(
            step("t").input("goal", "${inputs.goal}").build(),
            "task",
            Map.of("capability", "analysis"));
    var r =
        new CustomStep(
            step("r").after("t").input("pr", 12).build(),
            "task",
            Map.of("capability", "codeReview"));
    RunView done = run(flow("iflow", t, r), Map.of("goal", "ship"));
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "t").output())
        .isEqualTo(Map.of("capability", "analysis", "input", Map.of("goal", "ship")));
    assertThat(stepIn(done, "r").output()).isEqualTo("reviewed 12");
  }

  @Test
  void aTaskOfAnUnknownCapabilityFailsWithNotFound() {
    var t = new CustomStep(step("t").build(), "task", Map.of("capability", "design"));
    RunView done = run(flow("no-cap", t), Map.of());
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(done.failure().message())
        .isEqualTo(
            "no handler is registered for tasks of capability 'design'; registered: [analysis, codereview]");
  }

  @Test
  void aCustomStepTypeRegisteredThroughTheSpiRuns() {
    var u =
        new CustomStep(
            step("u").input("text", "${inputs.t}").build(), "upper", Map.of("suffix", "!"));
    RunView done = run(flow("custom", u), Map.of("t", "hey"));
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "u").output()).isEqualTo("HEY!");
    assertThat(stepIn(done, "u").type()).isEqualTo("upper");
    assertThat(log.kindsFor(done.runId(), "u"))
        .containsExactly("StepScheduled", "StepStarted", "StepCompleted");
  }
}
