package io.baton.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentType;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code code} step, the {@code code} tool and the {@code code} agent on the GraalJS sandbox,
 * installed by {@code BatonAi} because baton-sandbox is on the class path.
 */
class CodeStepTest {
  @TempDir Path dir;

  @Test
  void aCodeStepRunsItsScriptOnItsInputLogsTheConsoleAndAnswersJson() throws Exception {
    try (SandboxEngine e = SandboxEngine.offline(null, dir)) {
      RunView run =
          e.run(
              """
              id: totals
              steps:
                - id: total
                  type: code
                  input: {items: "${inputs.items}"}
                  script: |
                    console.log('items:', input.items.length);
                    console.log('first price:', input.items[0].price);
                    ({total: input.items.reduce((s, i) => s + i.price * i.qty, 0), currency: 'EUR'})
              """,
              Map.of(
                  "items", List.of(Map.of("price", 2, "qty", 3), Map.of("price", 5.5, "qty", 1))));

      assertThat(run.status()).as("%s", run.failure()).isEqualTo(RunStatus.COMPLETED);
      assertThat(run.step("total").output()).isEqualTo(Map.of("total", 11.5, "currency", "EUR"));
      assertThat(e.logs).containsExactly("total: items: 2", "total: first price: 2");
    }
  }

  @Test
  void syntaxAndRuntimeErrorsFailTheStepWithLineAndColumnAndAreNotRetried() throws Exception {
    try (SandboxEngine e = SandboxEngine.offline(null, dir)) {
      StepFailure syntax = failure(e, "const a = 1;\\nconst = 2;", "");
      assertThat(syntax.kind()).isEqualTo(ErrorKind.BAD_INPUT);
      assertThat(syntax.retryable()).isFalse();
      assertThat(syntax.message())
          .startsWith("step 'js': syntax error: ")
          .contains("(line 2, column");

      StepFailure thrown = failure(e, "const order = input.order;\\n  order.id.trim()", "");
      assertThat(thrown.kind()).isEqualTo(ErrorKind.BAD_INPUT);
      assertThat(thrown.message())
          .startsWith("step 'js': the script threw: TypeError")
          .endsWith("(line 2, column 3)");
    }
  }

  @Test
  void aScriptStoppedByItsTimeLimitFailsAsATimeoutThatIsNotRetried() throws Exception {
    try (SandboxEngine e = SandboxEngine.offline(null, dir)) {
      StepFailure loop = failure(e, "let i = 0; while (true) { i++; }", "timeLimitMs: 300");

      assertThat(loop.kind()).isEqualTo(ErrorKind.TIMEOUT);
      assertThat(loop.retryable()).isFalse();
      assertThat(loop.details()).containsEntry("limitExceeded", true);
      assertThat(loop.message()).startsWith("step 'js': ");
    }
  }

  @Test
  void aToolStepAndAReactAgentUseTheCodeTool() throws Exception {
    String script =
        """
        replies:
          - when: {agent: analyst, turn: 1}
            toolCalls: [{name: code, arguments: {script: "input.xs.map(x => x * x)", input: {xs: [1, 2, 3]}}}]
          - when: {agent: analyst, afterTool: code}
            text: "Squares: {{toolResult}}"
        """;
    try (SandboxEngine e = SandboxEngine.offline(script, dir)) {
      e.ai
          .agents()
          .register(AgentDefinition.builder("analyst").type(AgentType.REACT).tools("code").build());
      RunView run =
          e.run(
              """
              id: squares
              steps:
                - id: direct
                  type: tool
                  tool: code
                  input: {script: "console.log('hi'); input.n * 2", input: {n: 21}}
                - id: ask
                  type: react
                  agent: analyst
                  input: {prompt: "Square 1, 2 and 3"}
              """,
              Map.of());

      assertThat(run.status()).as("%s", run.failure()).isEqualTo(RunStatus.COMPLETED);
      assertThat(run.step("direct").output()).isEqualTo(Map.of("result", 42L, "console", "hi\n"));
      @SuppressWarnings("unchecked")
      Map<String, Object> answer = (Map<String, Object>) run.step("ask").output();
      assertThat((String) answer.get("text")).startsWith("Squares: ").contains("[1,4,9]");
    }
  }

  @Test
  void aCodeAgentWritesJavaScriptRunsItAndFixesItsError() throws Exception {
    String script =
        """
        replies:
          - when: {agent: coder, contains: "failed with"}
            text: "```js\\ninput.numbers.reduce((a, b) => a + b, 0)\\n```"
          - when: {agent: coder}
            text: "input.numbers.reduce((a, b) => a + b, 0))"
        """;
    try (SandboxEngine e = SandboxEngine.offline(script, dir)) {
      e.ai
          .agents()
          .register(AgentDefinition.builder("coder").type(AgentType.CODE).maxIterations(3).build());
      RunView run =
          e.run(
              """
              id: sum
              steps:
                - id: add
                  type: code
                  agent: coder
                  input: {prompt: "Add the numbers", numbers: [4, 5, 6]}
              """,
              Map.of());

      assertThat(run.status()).as("%s", run.failure()).isEqualTo(RunStatus.COMPLETED);
      @SuppressWarnings("unchecked")
      Map<String, Object> out = (Map<String, Object>) run.step("add").output();
      assertThat(out).containsEntry("result", 15L);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> attempts = (List<Map<String, Object>>) out.get("attempts");
      assertThat(attempts).hasSize(2);
      assertThat((String) attempts.get(0).get("error")).startsWith("syntax error");
      assertThat(attempts.get(1)).containsEntry("result", 15L);
    }
  }

  private static StepFailure failure(SandboxEngine e, String script, String extra) {
    RunView run =
        e.run(
            """
            id: broken
            steps:
              - id: js
                type: code
                input: {order: {}}
                script: "%s"
                %s
            """
                .formatted(script, extra),
            Map.of());
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.step("js").attempt()).as("not retried").isEqualTo(1);
    return run.step("js").failure();
  }
}
