package io.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.*;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.test.TestEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest {
  static StepCommon c(String id, String... deps) {
    return StepCommon.of(id).withDependsOn(List.of(deps));
  }

  @Test
  void chainOfTools() {
    try (TestEngine t =
        TestEngine.create(
            b ->
                b.tool(
                    "inc",
                    "adds one",
                    (args, ctx) -> ((Number) args.getOrDefault("n", 0L)).longValue() + 1))) {
      var a = new ToolStep(c("a").withInput(Map.of("n", "${inputs.start}")), "inc");
      var b = new ToolStep(c("b", "a").withInput(Map.of("n", "${steps.a.output}")), "inc");
      var wf =
          new WorkflowDefinition(
              "chain", "1", null, null, null, null, List.of(a, b), null, null, null);
      RunView v = t.baton().start(wf, Map.of("start", 5L)).await(Duration.ofSeconds(5));
      assertThat(v.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(v.outputs()).isEqualTo(7L);
    }
  }

  @Test
  void humanWaitsAndResumes() {
    try (TestEngine t = TestEngine.create()) {
      var h = new HumanStep(c("ask"), "ok?", Map.of(), List.of(), null, null);
      var wf =
          new WorkflowDefinition("h", "1", null, null, null, null, List.of(h), null, null, null);
      var run = t.baton().start(wf, Map.of());
      RunView v = run.status();
      for (int i = 0; i < 100 && v.pendingInputs().isEmpty(); i++) v = run.status();
      assertThat(v.status()).isEqualTo(RunStatus.WAITING);
      String waitId = v.pendingInputs().getFirst().waitId();
      assertThat(t.baton().submitInput(waitId, "yes", "me")).isTrue();
      assertThat(t.baton().submitInput(waitId, "no", "me")).isFalse();
      assertThat(run.await(Duration.ofSeconds(5)).outputs()).isEqualTo("yes");
    }
  }

  @Test
  void mapBindsItsNamedVariableAndConditionsUseCel() {
    try (TestEngine t = TestEngine.create()) {
      var body = new TransformStep(c("twice"), "doc * 2", null);
      var map = new MapStep(c("each"), "${inputs.list}", "doc", 0, List.of(body), null);
      var big =
          new TransformStep(
              new StepCommon(
                  "big",
                  null,
                  null,
                  List.of("each"),
                  null,
                  "size(steps.each.output) > 2",
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null),
              "'big'",
              null);
      var wf =
          new WorkflowDefinition(
              "m",
              "1",
              null,
              null,
              null,
              "${steps.each.output}",
              List.of(map, big),
              null,
              null,
              null);
      RunView v =
          t.baton().start(wf, Map.of("list", List.of(1L, 2L, 3L))).await(Duration.ofSeconds(5));
      assertThat(v.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(v.outputs()).isEqualTo(List.of(2L, 4L, 6L));
      assertThat(v.step("big").output()).isEqualTo("big");
    }
  }
}
