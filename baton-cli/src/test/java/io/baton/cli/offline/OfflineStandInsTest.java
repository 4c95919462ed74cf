package io.baton.cli.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.CustomStep;
import io.baton.api.definition.ModuleStep;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
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
  void answersTheSeedsModuleOperationsDeterministically() {
    var flow =
        flow(
            new ModuleStep(
                step("ctx").withInput(Map.of("name", "s", "type", "multi-agent")),
                "context",
                "create-context"),
            new ModuleStep(
                step("roles", "ctx")
                    .withInput(
                        Map.of(
                            "contextId",
                            "${steps.ctx.output.contextId}",
                            "roles",
                            List.of("coordinator", "reviewer"))),
                "role",
                "assignRoles"),
            new ModuleStep(
                step("plan", "roles")
                    .withInput(Map.of("assignedRoles", "${steps.roles.output.assignments}")),
                "plan",
                "create_plan"),
            new ModuleStep(step("eval"), "core", "evaluateCondition"));

    RunView first = run(flow);

    assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
    @SuppressWarnings("unchecked")
    Map<String, Object> ctx = (Map<String, Object>) first.step("ctx").output();
    assertThat(ctx)
        .containsEntry("name", "s")
        .containsEntry("type", "multi-agent")
        .containsEntry("offline", true);
    assertThat((String) ctx.get("contextId")).hasSize(36);
    assertThat(first.step("roles").output())
        .isEqualTo(
            Map.of(
                "contextId", ctx.get("contextId"),
                "assignments",
                    List.of(
                        Map.of("role", "coordinator", "agent", "coordinator-agent"),
                        Map.of("role", "reviewer", "agent", "reviewer-agent")),
                "offline", true));
    assertThat(first.step("plan").output().toString()).contains("coordinator work for the goal");
    assertThat(first.step("eval").output()).isEqualTo("A");
  }

  @Test
  void everyModuleOfTheSpecificationIsStoodIn() {
    List<StepDef> steps =
        OfflineStandIns.MODULES.stream()
            .map(m -> (StepDef) new ModuleStep(step("m-" + m), m, firstOperation(m)))
            .toList();

    RunView view = run(flow(steps.toArray(StepDef[]::new)));

    assertThat(view.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(view.steps()).hasSize(10);
  }

  private static String firstOperation(String module) {
    return switch (module) {
      case "context" -> "create-context";
      case "plan" -> "create-plan";
      case "role" -> "assign-roles";
      case "confirm" -> "request-approval";
      case "trace" -> "start-monitoring";
      case "extension" -> "list";
      case "dialog" -> "facilitate-communication";
      case "collab" -> "decide";
      case "core" -> "finalize";
      default -> "topology";
    };
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
        .contains("module plan, task design, tool echo");
    assertThat(OfflineStandIns.notice(List.of(flow()))).isNull();
  }
}
