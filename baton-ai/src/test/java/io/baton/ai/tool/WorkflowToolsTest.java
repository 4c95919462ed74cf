package io.baton.ai.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.engine.Baton;
import io.baton.engine.expression.Expressions;
import io.baton.engine.language.EngineExpressionSupport;
import io.baton.engine.language.LanguageContext;
import io.baton.engine.language.WorkflowLoader;
import io.baton.test.TestEngine;
import java.time.Duration;
import java.util.Map;
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
}
