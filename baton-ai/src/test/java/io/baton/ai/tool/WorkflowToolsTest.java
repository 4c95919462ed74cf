package io.baton.ai.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.ai.SharedStores;
import io.baton.ai.TestContext;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent.StepWaiting;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.spi.RunListener;
import io.baton.api.store.RunQuery;
import io.baton.engine.Baton;
import io.baton.engine.expression.Expressions;
import io.baton.engine.language.EngineExpressionSupport;
import io.baton.engine.language.LanguageContext;
import io.baton.engine.language.WorkflowLoader;
import io.baton.test.FakeClock;
import io.baton.test.TestEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The {@code workflow} tool: another workflow called as a tool, from a {@code tool} step. */
class WorkflowToolsTest {
  private static final String DOUBLE =
      """
      id: double
      description: Doubles a number.
      inputs:
        type: object
        required: [n]
        properties: {n: {type: integer}, offset: {type: integer, default: 1}}
      steps:
        - {id: calc, type: transform, expression: "inputs.n * 2 + inputs.offset"}
        - {id: check, type: transform, dependsOn: [calc], expression: "1 / (inputs.n - 5)"}
      outputs:
        value: ${steps.calc.output}
      """;

  private static RunView runParent(int n) {
    AtomicReference<Baton> engine = new AtomicReference<>();
    WorkflowDefinition child =
        new WorkflowLoader(LanguageContext.of(new EngineExpressionSupport(Expressions.defaults())))
            .parse(DOUBLE, "double.yaml")
            .orThrow();
    var tool = WorkflowTools.of(child, new WorkflowCall(engine::get, Duration.ofSeconds(30)));
    try (TestEngine test = TestEngine.create(b -> b.tool(tool))) {
      engine.set(test.baton());
      assertThat(tool.description()).isEqualTo("Doubles a number.");
      assertThat(tool.parameters()).containsEntry("required", java.util.List.of("n"));
      WorkflowDefinition parent =
          test.baton()
              .loader()
              .parse(
                  "id: parent\nsteps:\n  - {id: call, type: tool, tool: double, input: {n: %d}}\n"
                      .formatted(n),
                  "parent.yaml")
              .orThrow();
      return test.baton().start(parent, Map.of()).await(Duration.ofSeconds(30));
    }
  }

  @Test
  void aToolStepRunsTheWorkflowAndGetsItsOutputsWithTheSchemasDefaults() {
    RunView done = runParent(20);

    assertThat(done.status()).as("%s", done.failure()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.step("call").output()).isEqualTo(Map.of("value", 41L));
  }

  @Test
  void aFailedRunFailsTheCallNamingTheWorkflowAndTheStep() {
    RunView done = runParent(5);

    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.step("call").failure().kind()).isEqualTo(ErrorKind.EXPRESSION);
    assertThat(done.step("call").failure().message())
        .startsWith("workflow 'double' (run ")
        .contains("failed at step 'check': ");
  }

  private static final String APPROVAL =
      """
      id: approval
      steps:
        - {id: ask, type: human, prompt: "Approve?"}
      outputs:
        approved: ${steps.ask.output}
      """;

  @Test
  void aStepReExecutedAfterACrashReattachesToTheRunItsWorkflowToolStarted() throws Exception {
    SharedStores stores = new SharedStores();
    AtomicReference<Baton> engine = new AtomicReference<>();
    List<String> logs = new CopyOnWriteArrayList<>();
    CompletableFuture<StepWaiting> childWaits = new CompletableFuture<>();
    AtomicReference<String> childRun = new AtomicReference<>();
    java.util.function.Supplier<Baton> node =
        () -> {
          WorkflowDefinition child =
              new WorkflowLoader(
                      LanguageContext.of(new EngineExpressionSupport(Expressions.defaults())))
                  .parse(APPROVAL, "approval.yaml")
                  .orThrow();
          Baton baton =
              stores
                  .builder(new FakeClock())
                  // recovered once the tool can reach the engine, as a host wires it
                  .recoverOnStart(false)
                  .tool(
                      WorkflowTools.of(
                          child, new WorkflowCall(engine::get, Duration.ofSeconds(30))))
                  .listener(
                      new RunListener() {
                        @Override
                        public void onEvent(JournalEntry entry) {
                          if (entry.runId().startsWith("wf-approval")
                              && entry.event() instanceof StepWaiting waiting) {
                            childRun.set(entry.runId());
                            childWaits.complete(waiting);
                          }
                        }

                        @Override
                        public void onStepEmit(
                            String runId, String path, String type, Object data) {
                          if ("log".equals(type)) {
                            logs.add(String.valueOf(data));
                          }
                        }
                      })
                  .build();
          engine.set(baton);
          baton.recover();
          return baton;
        };
    Baton first = node.get();
    String parentId =
        first
            .start(
                first
                    .loader()
                    .parse(
                        "id: parent\nsteps:\n  - {id: call, type: tool, tool: approval}\n",
                        "parent.yaml")
                    .orThrow(),
                Map.of())
            .id();
    String waitId = childWaits.get(30, TimeUnit.SECONDS).waitId();
    String childId = childRun.get();
    first.close();

    try (Baton second = node.get()) {
      second.submitInput(waitId, true, "tester");
      RunView done = second.await(parentId, Duration.ofSeconds(30));

      assertThat(done.status()).as("%s", done.failure()).isEqualTo(RunStatus.COMPLETED);
      assertThat(done.step("call").output()).isEqualTo(Map.of("approved", true));
      assertThat(stores.runs.list(new RunQuery("approval", null, 0, 10)))
          .as("one child run: the re-executed call did not start another")
          .extracting(r -> r.runId())
          .containsExactly(childId);
      assertThat(logs).contains("started run " + childId, "re-attached to run " + childId);
    }
  }

  @Test
  void aCallMadeAgainTakesTheCompletedRunsOutputsButStartsAnotherAfterAFailure() {
    AtomicReference<Baton> engine = new AtomicReference<>();
    WorkflowDefinition child =
        new WorkflowLoader(LanguageContext.of(new EngineExpressionSupport(Expressions.defaults())))
            .parse(DOUBLE, "double.yaml")
            .orThrow();
    WorkflowCall call = new WorkflowCall(engine::get, Duration.ofSeconds(30));
    try (TestEngine test = TestEngine.create(b -> b)) {
      engine.set(test.baton());
      List<String> attached = new CopyOnWriteArrayList<>();
      java.util.function.BiConsumer<String, Boolean> log =
          (id, started) -> attached.add((started ? "start " : "attach ") + id);
      TestContext failing = new TestContext(new FakeClock(), "parent-1");
      TestContext fine = new TestContext(new FakeClock(), "parent-2");

      assertThat(call.run(child, Map.of("n", 5), failing, log).status())
          .isEqualTo(RunStatus.FAILED);
      assertThat(call.run(child, Map.of("n", 5), failing, log).status())
          .isEqualTo(RunStatus.FAILED);
      RunView once = call.run(child, Map.of("n", 20), fine, log);
      RunView again = call.run(child, Map.of("n", 20), fine, log);

      assertThat(again.runId()).isEqualTo(once.runId());
      assertThat(again.outputs()).isEqualTo(Map.of("value", 41L));
      assertThat(attached)
          .extracting(entry -> entry.replaceAll("-[0-9a-f]{16}", ""))
          .containsExactly(
              "start wf-double.1", "start wf-double.2", "start wf-double.1", "attach wf-double.1");
    }
  }

  @Test
  void theKeyOfACallIsTheSameForEveryAttempt() {
    TestContext attempt1 = new TestContext(new FakeClock(), "r-1");
    assertThat(WorkflowCall.attemptless(attempt1)).isEqualTo("r-1/step");
    assertThat(WorkflowCall.attemptless(new TestContext(new FakeClock(), "r-1", 3, "tool/w/1")))
        .isEqualTo("r-1/step/tool/w/1");
  }
}
