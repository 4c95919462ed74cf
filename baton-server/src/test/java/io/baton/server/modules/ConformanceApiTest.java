package io.baton.server.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.ServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The five seed workflows of {@code conformance/} (copied verbatim into the test resources) run
 * unchanged through the API — create, execute, completed — on the real coordination modules, and
 * produce the results their steps name.
 */
class ConformanceApiTest extends ServerTest {

  /** Creates the fixture as it is (after deleting a copy another test made), runs it to the end. */
  private JsonNode run(String file, String workflowId) throws IOException {
    Api api = admin.in("wf-seeds");
    api.delete("/api/v1/workflows/" + workflowId);
    String text;
    try (InputStream in = getClass().getResourceAsStream("/conformance/" + file)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Api.Response created = api.postText("/api/v1/workflows", text, "application/json");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("id").asString()).isEqualTo(workflowId);
    Api.Response started =
        api.post("/api/v1/workflows/" + workflowId + "/execute", Map.of("inputs", Map.of()));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    JsonNode done = api.awaitStatus(started.json().get("id").asString(), "COMPLETED");
    api.delete("/api/v1/workflows/" + workflowId);
    return done;
  }

  private static List<String> field(JsonNode list, String key) {
    List<String> out = new ArrayList<>();
    list.forEach(item -> out.add(item.get(key).asString()));
    return out;
  }

  private static boolean isUuid(String text) {
    return UUID.fromString(text).toString().equals(text);
  }

  @Test
  void multiAgentCollaborationMakesAContextRolesAPlanATraceAndADialog() throws IOException {
    JsonNode done = run("mplp-multi-agent-collaboration.json", "multi-agent-collaboration");

    JsonNode context = Api.stepOutput(done, "context-setup");
    String contextId = context.get("contextId").asString();
    assertThat(isUuid(contextId)).isTrue();
    assertThat(context.get("name").asString()).isEqualTo("collaboration-session");
    assertThat(context.get("type").asString()).isEqualTo("multi-agent");
    JsonNode assignments = Api.stepOutput(done, "role-assignment").get("assignments");
    assertThat(field(assignments, "role")).containsExactly("coordinator", "executor", "reviewer");
    JsonNode plan = Api.stepOutput(done, "plan-creation");
    assertThat(plan.get("contextId").asString()).isEqualTo(contextId);
    assertThat(plan.get("tasks")).hasSize(3);
    String planId = plan.get("planId").asString();
    assertThat(isUuid(planId)).isTrue();
    JsonNode monitoring = Api.stepOutput(done, "execution-monitoring");
    JsonNode trace = monitoring.get("trace-execution").get("value");
    assertThat(trace.get("planId").asString()).isEqualTo(planId);
    JsonNode dialog = monitoring.get("dialog-facilitation").get("value");
    assertThat(dialog.get("participants").valueStream().map(JsonNode::asString).toList())
        .containsExactly("coordinator-agent", "executor-agent", "reviewer-agent");
    assertThat(dialog.get("messages")).hasSize(4);

    // The trace module kept the run's trace in the same store; the modules API reads it back.
    Api.Response stored =
        admin.post(
            "/api/v1/modules/trace/query", Map.of("traceId", trace.get("traceId").asString()));
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(stored.json().get("result").get("status").asString()).isEqualTo("completed");
  }

  @Test
  void sequentialPatternPlansAssignsRolesAndExecutesThePlan() throws IOException {
    JsonNode done = run("mplp-sequential.json", "seq-001");

    String contextId = Api.stepOutput(done, "context-setup").get("contextId").asString();
    JsonNode plan = Api.stepOutput(done, "plan-creation");
    assertThat(plan.get("contextId").asString()).isEqualTo(contextId);
    assertThat(Api.stepOutput(done, "role-assignment").get("contextId").asString())
        .isEqualTo(contextId);
    JsonNode execution = Api.stepOutput(done, "execution");
    assertThat(execution.get("planId").asString()).isEqualTo(plan.get("planId").asString());
    assertThat(execution.get("status").asString()).isEqualTo("completed");
    assertThat(field(execution.get("results"), "executedBy")).containsOnly("rules").hasSize(3);
  }

  @Test
  void parallelPatternMakesTwoPlansInOneContextAndMergesThem() throws IOException {
    JsonNode done = run("mplp-parallel.json", "par-001");

    String contextId = Api.stepOutput(done, "context-setup").get("contextId").asString();
    JsonNode a = Api.stepOutput(done, "plan-a");
    JsonNode b = Api.stepOutput(done, "plan-b");
    assertThat(a.get("variant").asString()).isEqualTo("A");
    assertThat(b.get("variant").asString()).isEqualTo("B");
    assertThat(a.get("contextId").asString()).isEqualTo(contextId);
    assertThat(b.get("contextId").asString()).isEqualTo(contextId);
    JsonNode merged = Api.stepOutput(done, "merge-results").get("merged");
    assertThat(field(merged.get("plans"), "planId"))
        .containsExactlyInAnyOrder(a.get("planId").asString(), b.get("planId").asString());
  }

  @Test
  void conditionalPatternTakesPathAAndFinalizes() throws IOException {
    JsonNode done = run("mplp-conditional.json", "cond-001");

    assertThat(Api.stepOutput(done, "evaluation").asString()).isEqualTo("A");
    assertThat(status(done, "path-a")).isEqualTo("COMPLETED");
    assertThat(status(done, "path-b")).isEqualTo("SKIPPED");
    assertThat(Api.stepOutput(done, "path-a").get("variant").asString()).isEqualTo("A");
    assertThat(Api.stepOutput(done, "finalization").get("status").asString())
        .isEqualTo("finalized");
  }

  @Test
  void iflowTasksRunAsCoreTasksInDependencyOrder() throws IOException {
    JsonNode done = run("iflow-full-stack-development.json", "full_stack_development");

    assertThat(done.get("steps")).hasSize(6);
    JsonNode test = Api.stepOutput(done, "test_system");
    assertThat(test.get("status").asString()).isEqualTo("completed");
    assertThat(test.get("capability").asString()).isEqualTo("testing");
    assertThat(time(done, "integrate_systems", "startedAt"))
        .isGreaterThanOrEqualTo(time(done, "implement_backend", "endedAt"));
  }

  private static String status(JsonNode detail, String path) {
    return Api.step(detail, path).get("status").asString();
  }

  private static String time(JsonNode detail, String path, String field) {
    return Api.step(detail, path).get(field).asString();
  }
}
