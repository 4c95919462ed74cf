package io.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.definition.HumanStep;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.engine.define.Steps;
import io.baton.engine.define.Workflow;
import io.baton.test.TestEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputValidationTest {
  private static final Map<String, Object> NEEDS_NAME =
      Map.of(
          "type", "object",
          "required", List.of("name"),
          "properties", Map.of("name", Map.of("type", "string")));

  @Test
  void inputsThatBreakTheSchemaAreRejectedBeforeTheRunExists() {
    try (TestEngine t = TestEngine.create()) {
      WorkflowDefinition flow =
          Workflow.define("greet")
              .inputs(NEEDS_NAME)
              .step(Steps.value("hi", "${inputs.name}"))
              .build();
      assertThatThrownBy(() -> t.baton().start(flow, Map.of("name", 42)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("/name")
          .hasMessageContaining("string");
      RunView done = t.baton().start(flow, Map.of("name", "Ada")).await(Duration.ofSeconds(5));
      assertThat(done.outputs()).isEqualTo("Ada");
    }
  }

  @Test
  void anAnswerThatBreaksTheFormIsRefusedAndTheStepKeepsWaiting() {
    try (TestEngine t = TestEngine.create()) {
      WorkflowDefinition flow =
          Workflow.define("ask")
              .step(
                  new HumanStep(
                      StepCommon.of("who"), "Your name?", NEEDS_NAME, List.of(), null, null))
              .build();
      var run = t.baton().start(flow, Map.of());
      String waitId = waitFor(t, run.id());
      assertThatThrownBy(() -> t.baton().submitInput(waitId, Map.of("name", 7), "tester"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("the answer to step 'who'");
      assertThat(run.status().status()).isEqualTo(RunStatus.WAITING);
      assertThat(t.baton().submitInput(waitId, Map.of("name", "Ada"), "tester")).isTrue();
      assertThat(run.await(Duration.ofSeconds(5)).outputs()).isEqualTo(Map.of("name", "Ada"));
    }
  }

  static String waitFor(TestEngine t, String runId) {
    for (int i = 0; i < 1000; i++) {
      RunView v = t.baton().status(runId);
      if (!v.pendingInputs().isEmpty()) {
        return v.pendingInputs().getFirst().waitId();
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("run " + runId + " never asked for input");
  }
}
