package io.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunView;
import io.baton.api.spi.ExecutionMode;
import io.baton.api.spi.StepExecutor;
import io.baton.engine.define.Steps;
import io.baton.engine.define.Workflow;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's "Embedding in Java" example, word for word, so that it keeps working. */
class ReadmeExampleTest {
  @Test
  void theEmbeddingExampleRunsAsTheReadmeSays() {
    try (Baton baton =
        Baton.builder()
            .tool("greet", "Says hello", (args, ctx) -> "Hello, " + args.get("name"))
            .step(
                StepExecutor.of(
                    "shout",
                    ExecutionMode.INLINE,
                    (step, ctx) -> ctx.inputMap().get("text").toString().toUpperCase()))
            .build()) {
      WorkflowDefinition flow =
          Workflow.define("hello")
              .step(Steps.tool("greet", "greet").input("name", "${inputs.name}"))
              .step(
                  Steps.custom("loud", "shout", Map.of())
                      .input("text", "${steps.greet.output}")
                      .dependsOn("greet"))
              .build();
      RunView done = baton.start(flow, Map.of("name", "Ada")).await(Duration.ofSeconds(10));
      assertThat(done.outputs()).isEqualTo("HELLO, ADA");
    }
  }
}
