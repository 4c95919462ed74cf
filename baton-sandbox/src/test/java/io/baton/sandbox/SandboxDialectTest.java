package io.baton.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.api.spi.ExpressionException;
import io.baton.engine.expression.Expressions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code javascript} expression dialect on GraalJS: installed with Baton's AI when
 * baton-sandbox is on the class path, it evaluates workflow conditions as real JavaScript under the
 * sandbox's limits.
 */
class SandboxDialectTest {
  @TempDir static Path dir;
  private static SandboxEngine e;

  @BeforeAll
  static void engine() throws Exception {
    e = SandboxEngine.offline(null, dir);
  }

  @AfterAll
  static void close() {
    e.close();
  }

  /** A workflow in javascript: step {@code plan} outputs {@code plan}, each check has a when. */
  private static RunView run(Object plan, Map<String, Object> inputs, String... whens) {
    StringBuilder yaml =
        new StringBuilder(
            """
            id: js-conditions
            expressionLanguage: javascript
            steps:
              - {id: plan, type: transform, value: %s}
            """
                .formatted(io.baton.ai.internal.JsonCodec.write(plan)));
    for (int i = 0; i < whens.length; i++) {
      yaml.append("  - id: check")
          .append(i)
          .append("\n    type: transform\n    dependsOn: [plan]\n    value: ran\n    when: '")
          .append(whens[i].replace("'", "''"))
          .append("'\n");
    }
    return e.run(yaml.toString(), inputs);
  }

  private static List<StepStatus> statuses(RunView run, int n) {
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(i -> run.step("check" + i).status())
        .toList();
  }

  @Test
  void stringConditionsOfImportedMplpWorkflows() {
    RunView run =
        run("A", Map.of(), "result === \"A\"", "result === \"B\"", "result.toLowerCase() === 'a'");

    assertThat(run.status()).as("%s", run.failure()).isEqualTo(RunStatus.COMPLETED);
    assertThat(statuses(run, 3))
        .containsExactly(StepStatus.COMPLETED, StepStatus.SKIPPED, StepStatus.COMPLETED);
  }

  @Test
  void numbersAndMissingValuesFollowJavaScript() {
    RunView run =
        run(
            7,
            Map.of("amount", 1500),
            "inputs.amount > 1000 && inputs.amount % 2 === 0",
            "result / 2 === 3.5",
            "inputs.missing === undefined && !!inputs.amount",
            "Boolean(0) || '1' == 1");

    assertThat(run.status()).as("%s", run.failure()).isEqualTo(RunStatus.COMPLETED);
    assertThat(statuses(run, 4))
        .containsExactly(
            StepStatus.COMPLETED, StepStatus.COMPLETED, StepStatus.COMPLETED, StepStatus.COMPLETED);
  }

  @Test
  void aConditionMustGiveABoolean() {
    RunView run = run(1, Map.of(), "result + 1");

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failure().message())
        .isEqualTo("step 'check0': a condition must be true or false, but it gave Integer 2");
  }

  @Test
  void nestedObjectsArraysAndTheSeedsStepAlias() {
    Map<String, Object> plan =
        Map.of(
            "owner", Map.of("name", "ada"),
            "tasks", List.of(Map.of("done", true), Map.of("done", false), Map.of("done", true)));
    RunView run =
        run(
            plan,
            Map.of(),
            "steps.plan.output.tasks.filter(t => t.done).length === 2",
            "plan.result.owner.name === 'ada' && plan.status === 'completed'",
            "steps.plan.output.owner?.email ?? false");

    assertThat(run.status()).as("%s", run.failure()).isEqualTo(RunStatus.COMPLETED);
    assertThat(statuses(run, 3))
        .containsExactly(StepStatus.COMPLETED, StepStatus.COMPLETED, StepStatus.SKIPPED);
  }

  @Test
  void aMapsItemNameIsAVariableOfTheSandboxedDialect() {
    RunView run =
        e.run(
            """
            id: js-map
            expressionLanguage: javascript
            steps:
              - id: each
                type: map
                items: inputs.docs
                as: doc
                steps:
                  - {id: tagged, type: transform, value: yes, when: 'doc.tags.includes("x")'}
            """,
            Map.of("docs", List.of(Map.of("tags", List.of("x")), Map.of("tags", List.of("y")))));

    assertThat(run.status()).as("%s", run.failure()).isEqualTo(RunStatus.COMPLETED);
    assertThat(
            run.steps().values().stream()
                .filter(s -> s.stepId().equals("tagged"))
                .sorted(java.util.Comparator.comparing(io.baton.api.run.StepView::path))
                .map(io.baton.api.run.StepView::status))
        .as("the first doc is tagged x, the second is not")
        .containsExactly(StepStatus.COMPLETED, StepStatus.SKIPPED);
  }

  @Test
  void aThrowingExpressionFailsItsStepNamingTheStepAndTheExpression() {
    RunView run = run(Map.of("a", 1), Map.of(), "steps.plan.output.missing.deeper === 1");

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failedStep()).isEqualTo("check0");
    assertThat(run.failure().kind()).isEqualTo(ErrorKind.EXPRESSION);
    assertThat(run.failure().message())
        .startsWith("step 'check0': javascript expression 'steps.plan.output.missing.deeper === 1'")
        .contains("TypeError")
        .contains("(line 1, column");
  }

  @Test
  void anEndlessLoopIsStoppedByTheSandbox() {
    RunView run = run(1, Map.of(), "(() => { while (true) {} })()");

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failure().kind()).isEqualTo(ErrorKind.EXPRESSION);
    assertThat(run.failure().message())
        .startsWith("step 'check0': javascript expression '(() => { while (true) {} })()' failed: ")
        .contains("stopped");
  }

  @Test
  void aSyntaxErrorIsReportedWhenTheWorkflowLoads() {
    assertThatThrownBy(() -> new SandboxJavaScriptDialect().compile("result === ("))
        .isInstanceOf(ExpressionException.class)
        .hasMessageStartingWith("javascript expression 'result === (' does not parse: syntax error")
        .hasMessageContaining("(line 1, column");
  }

  @Test
  void withoutTheSandboxTheEngineSaysWhatToAdd() {
    assertThatThrownBy(
            () -> Expressions.defaults().compile("javascript", "xs.filter(x => x).length > 0"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("add the baton-sandbox module to the class path");
  }
}
