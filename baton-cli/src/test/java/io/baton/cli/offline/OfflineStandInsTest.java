package io.baton.cli.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.CustomStep;
import io.baton.api.definition.ModuleStep;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunView;
import io.baton.engine.Baton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfflineStandInsTest {

  private static StepCommon step(String id, String... deps) {
    return StepCommon.of(id).withDependsOn(List.of(deps));
  }

  private static WorkflowDefinition flow(StepDef... steps) {
    return new WorkflowDefinition(
        "f", "1", null, null, null, null, List.of(steps), null, null, null);
  }

  private static RunView run(WorkflowDefinition flow) {
    try (Baton baton = OfflineStandIns.register(Baton.builder()).build()) {
      return baton.start(flow, Map.of()).await(Duration.ofSeconds(10));
    }
  }

  @Test
  void handlesTasksAndRetriesTheFlakyTool() {
    var flow =
        flow(
            new CustomStep(
                step("analyze").withInput(Map.of("topic", "search")),
                "task",
                Map.of("capability", "analysis")),
            new ToolStep(
                new StepCommon(
                    "flaky",
                    null,
                    null,
                    null,
                    null,
                    null,
                    Map.of("failures", 2),
                    null,
                    new io.baton.api.definition.RetryPolicy(
                        2,
                        io.baton.api.definition.Backoff.FIXED,
                        Duration.ofMillis(1),
                        null,
                        0,
                        null),
                    null,
                    null,
                    null,
                    null),
                "flaky"));

    RunView view = run(flow);

    assertThat(view.step("analyze").output())
        .isEqualTo(
            Map.of(
                "capability", "analysis",
                "subject", "search",
                "summary", "Requirements of search analysed: 3 goals, 2 constraints.",
                "offline", true));
    assertThat(view.step("flaky").attempt()).isEqualTo(3);
    assertThat(view.step("flaky").output()).isEqualTo(Map.of("attempt", 3L, "succeeded", true));
  }

  @Test
  void namesTheStandInsAWorkflowUses() {
    var flow =
        flow(
            new ModuleStep(step("a"), "plan", "create-plan"),
            new ToolStep(step("b"), "echo"),
            new CustomStep(step("c"), "task", Map.of("capability", "design")));

    assertThat(OfflineStandIns.notice(List.of(flow)))
        .startsWith("note: using the CLI's built-in offline stand-ins")
        .contains("task design, tool echo")
        .doesNotContain("module");
    assertThat(OfflineStandIns.notice(List.of(flow()))).isNull();
  }
}
