package io.baton.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.modules.mplp.Mplp;
import io.baton.modules.mplp.MplpSchemas;
import io.baton.modules.store.StoredEntity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seeds' conformance workflows run unchanged on the real modules and produce what their steps
 * name; everything the modules stored conforms to the MPLP schemas.
 */
class ConformanceTest {
  private final HubFixture f = new HubFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private RunView run(String file) {
    WorkflowDefinition flow = f.baton.load(HubFixture.conformance(file));
    RunView done = f.baton.start(flow, Map.of()).await(HubFixture.TIMEOUT);
    assertThat(done.status())
        .as(file + " failed: " + done.failure())
        .isEqualTo(RunStatus.COMPLETED);
    assertThat(f.entities())
        .allSatisfy(
            e ->
                assertThat(MplpSchemas.problems(e.key().module(), e.document()))
                    .as(e.key().toString())
                    .isEmpty());
    return done;
  }

  /** The {@code key} of each map in {@code list}. */
  static List<Object> field(Object list, String key) {
    return ((List<?>) list).stream().map(m -> (Object) ((Map<?, ?>) m).get(key)).toList();
  }

  private static Map<?, ?> out(RunView view, String path) {
    return (Map<?, ?>) view.step(path).output();
  }

  @Test
  void multiAgentCollaborationCreatesAContextRolesAPlanATraceAndADialog() {
    RunView done = run("mplp-multi-agent-collaboration.json");

    String contextId = (String) out(done, "context-setup").get("contextId");
    assertThat(Mplp.isId(contextId)).isTrue();
    assertThat(out(done, "context-setup").get("name")).isEqualTo("collaboration-session");
    assertThat(out(done, "context-setup").get("type")).isEqualTo("multi-agent");
    List<?> assignments = (List<?>) out(done, "role-assignment").get("assignments");
    assertThat(field(assignments, "role")).containsExactly("coordinator", "executor", "reviewer");
    assertThat(field(assignments, "agent"))
        .containsExactly("coordinator-agent", "executor-agent", "reviewer-agent");
    Map<?, ?> plan = out(done, "plan-creation");
    assertThat(plan.get("contextId")).isEqualTo(contextId);
    assertThat((List<?>) plan.get("tasks")).hasSize(3);
    String planId = (String) plan.get("planId");
    Map<?, ?> trace =
        (Map<?, ?>)
            ((Map<?, ?>) out(done, "execution-monitoring").get("trace-execution")).get("value");
    assertThat(trace.get("planId")).isEqualTo(planId);
    assertThat(trace.get("contextId")).isEqualTo(contextId);
    Map<?, ?> dialog =
        (Map<?, ?>)
            ((Map<?, ?>) out(done, "execution-monitoring").get("dialog-facilitation")).get("value");
    assertThat(List.<Object>copyOf((List<?>) dialog.get("participants")))
        .containsExactly("coordinator-agent", "executor-agent", "reviewer-agent");
    assertThat((List<?>) dialog.get("messages")).hasSize(4);

    // The trace recorded the run's steps after monitoring began, and ended with the run.
    Map<?, ?> stored =
        (Map<?, ?>) f.hub.invoke("trace", "query", Map.of("traceId", trace.get("traceId")));
    assertThat(stored.get("status")).isEqualTo("completed");
    assertThat(field(stored.get("segments"), "label")).contains("execution-monitoring");
  }

  @Test
  void sequentialPatternPlansAssignsRolesAndExecutesThePlan() {
    RunView done = run("mplp-sequential.json");

    String contextId = (String) out(done, "context-setup").get("contextId");
    Map<?, ?> plan = out(done, "plan-creation");
    assertThat(plan.get("contextId")).isEqualTo(contextId);
    assertThat(out(done, "role-assignment").get("contextId")).isEqualTo(contextId);
    Map<?, ?> execution = out(done, "execution");
    assertThat(execution.get("planId")).isEqualTo(plan.get("planId"));
    assertThat(execution.get("status")).isEqualTo("completed");
    assertThat((List<?>) execution.get("results"))
        .hasSize(3)
        .allSatisfy(r -> assertThat(((Map<?, ?>) r).get("executedBy")).isEqualTo("rules"));
  }

  @Test
  void parallelPatternMakesTwoAlternativePlansInOneContextAndMergesThem() {
    RunView done = run("mplp-parallel.json");

    String contextId = (String) out(done, "context-setup").get("contextId");
    assertThat(out(done, "plan-a").get("variant")).isEqualTo("A");
    assertThat(out(done, "plan-b").get("variant")).isEqualTo("B");
    assertThat(out(done, "plan-a").get("contextId")).isEqualTo(contextId);
    assertThat(out(done, "plan-b").get("contextId")).isEqualTo(contextId);
    Map<?, ?> merged = (Map<?, ?>) out(done, "merge-results").get("merged");
    assertThat(field(merged.get("plans"), "planId"))
        .containsExactlyInAnyOrder(
            out(done, "plan-a").get("planId"), out(done, "plan-b").get("planId"));
  }

  @Test
  void conditionalPatternTakesPathAAndFinalizes() {
    RunView done = run("mplp-conditional.json");

    assertThat(done.step("evaluation").output()).isEqualTo("A");
    assertThat(done.step("path-a").status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(done.step("path-b").status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(out(done, "path-a").get("variant")).isEqualTo("A");
    assertThat(out(done, "path-a").get("status")).isEqualTo("completed");
    assertThat(out(done, "finalization").get("status")).isEqualTo("finalized");
  }

  @Test
  void iflowTasksRunAsCoreTasksInPriorityAndDependencyOrder() {
    RunView done = run("iflow-full-stack-development.json");

    assertThat(done.steps()).hasSize(6);
    assertThat(out(done, "test_system").get("status")).isEqualTo("completed");
    assertThat(out(done, "test_system").get("capability")).isEqualTo("testing");
    assertThat(done.step("integrate_systems").startedAt())
        .isAfterOrEqualTo(done.step("implement_backend").endedAt());
  }

  @Test
  void theStoredEntitiesOfARunAreEachModulesMplpDocuments() {
    run("mplp-multi-agent-collaboration.json");

    assertThat(f.entities())
        .extracting(e -> e.key().module())
        .contains("context", "role", "plan", "trace", "dialog");
    for (StoredEntity e : f.entities()) {
      assertThat(e.document()).containsKey("meta");
    }
  }
}
