package io.baton.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.engine.BatonBuilder;
import io.baton.test.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seeds' own workflows (shared/conformance), loaded unchanged and run with the modules and task
 * handlers they call registered through the SPIs.
 */
class SeedWorkflowsTest {
  private final SeedModules modules = new SeedModules();

  private TestEngine engine() {
    return TestEngine.create(
        b -> {
          BatonBuilder builder = b;
          for (var m : modules.all()) {
            builder = builder.module(m);
          }
          return builder.task(
              "analysis",
              (capability, input, ctx) -> Map.of("capability", capability, "by", ctx.stepId()));
        });
  }

  private RunView run(String file) {
    try (TestEngine t = engine()) {
      return t.baton().start(t.baton().load(fixture(file)), Map.of()).await(Duration.ofSeconds(20));
    }
  }

  @Test
  void multiAgentCollaborationPassesResultsAlongAndRunsItsParallelBranches() {
    RunView v = run("mplp-multi-agent-collaboration.json");
    assertThat(v.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(v.step("context-setup").output())
        .isEqualTo(
            Map.of(
                "contextId", "ctx-run-1", "name", "collaboration-session", "type", "multi-agent"));
    assertThat(v.step("plan-creation").output())
        .isEqualTo(
            Map.of(
                "planId",
                "plan-ctx-run-1",
                "assignedRoles",
                List.of(
                    Map.of("role", "coordinator", "agent", "agent-coordinator"),
                    Map.of("role", "executor", "agent", "agent-executor"),
                    Map.of("role", "reviewer", "agent", "agent-reviewer"))));
    assertThat(v.step("execution-monitoring[trace-execution]/trace-execution").output())
        .isEqualTo(Map.of("traceId", "trace-plan-ctx-run-1"));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> branches =
        (Map<String, Map<String, Object>>) v.step("execution-monitoring").output();
    assertThat(branches.keySet())
        .containsExactlyInAnyOrder("trace-execution", "dialog-facilitation");
    assertThat(branches.get("dialog-facilitation").get("status")).isEqualTo("completed");
  }

  @Test
  void sequentialRunsInDependencyOrder() {
    RunView v = run("mplp-sequential.json");
    assertThat(v.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(modules.calls)
        .containsExactly(
            "context.create-context", "plan.create-plan", "role.assign-roles", "core.executeTask");
  }

  @Test
  void parallelMergesBothPlans() {
    RunView v = run("mplp-parallel.json");
    assertThat(v.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(modules.calls.getFirst()).isEqualTo("context.create-context");
    assertThat(modules.calls.getLast()).isEqualTo("core.mergeResults");
    assertThat(modules.calls).contains("plan.createPlanA", "plan.createPlanB");
  }

  @Test
  void conditionalTakesPathAAndStillFinalizes() {
    RunView v = run("mplp-conditional.json");
    assertThat(v.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(v.step("path-a").status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(v.step("path-b").status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(v.step("finalization").status()).isEqualTo(StepStatus.COMPLETED);
  }

  @Test
  void iflowTasksRunOnTheHandlersOfTheirCapabilities() {
    try (TestEngine t =
        TestEngine.create(
            b -> {
              for (String c :
                  List.of("analysis", "design", "development", "integration", "testing")) {
                b = b.task(c, (capability, input, ctx) -> Map.of("capability", capability));
              }
              return b;
            })) {
      RunView v =
          t.baton()
              .start(t.baton().load(fixture("iflow-full-stack-development.json")), Map.of())
              .await(Duration.ofSeconds(20));
      assertThat(v.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(v.step("implement_backend").output())
          .isEqualTo(Map.of("capability", "development"));
      assertThat(v.step("test_system").startedAt())
          .isAfterOrEqualTo(v.step("integrate_systems").endedAt());
    }
  }

  static Path fixture(String name) {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    return p.resolve("baton-engine/src/test/resources/conformance").resolve(name);
  }
}
