package io.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.spi.CoordinationModule;
import io.baton.api.spi.ExecutionMode;
import io.baton.api.spi.StepExecutor;
import io.baton.engine.define.Steps;
import io.baton.engine.define.Workflow;
import io.baton.test.TestEngine;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Step types and modules registered as lambdas. */
class LambdaExtensionsTest {
  @Test
  void aStepTypeGivenAsALambdaReadsItsConfigAndInput() {
    for (ExecutionMode mode : ExecutionMode.values()) {
      try (TestEngine t =
          TestEngine.create(
              b ->
                  b.step(
                      StepExecutor.of(
                          "scale",
                          mode,
                          (step, ctx) ->
                              ((Number) ctx.inputMap().get("n")).longValue()
                                  * ((Number) step.config().get("factor")).longValue())))) {
        var flow =
            Workflow.define("scaled")
                .step(Steps.custom("x", "scale", Map.of("factor", 3L)).input("n", "${inputs.n}"))
                .build();
        RunView done = t.baton().start(flow, Map.of("n", 7L)).await(Duration.ofSeconds(5));
        assertThat(done.status()).as(mode.name()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.outputs()).as(mode.name()).isEqualTo(21L);
      }
    }
  }

  @Test
  void aModuleGivenAsLambdasAnswersItsOperationsInAnyNamingStyle() {
    CoordinationModule context =
        CoordinationModule.of(
            "context",
            Map.of(
                "create-context", (params, ctx) -> Map.of("contextId", "c-" + params.get("name"))));
    try (TestEngine t = TestEngine.create(b -> b.module(context))) {
      var flow =
          Workflow.define("ctx")
              .step(Steps.module("a", "context", "createContext").input("name", "team"))
              .build();
      RunView done = t.baton().start(flow, Map.of()).await(Duration.ofSeconds(5));
      assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(done.outputs()).isEqualTo(Map.of("contextId", "c-team"));
    }
  }
}
