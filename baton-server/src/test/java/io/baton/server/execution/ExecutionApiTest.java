package io.baton.server.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.server.support.Api;
import io.baton.server.support.Flows;
import io.baton.server.support.ServerTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExecutionApiTest extends ServerTest {
  static JsonNode awaitStatus(Api api, String id, String status) {
    return api.awaitStatus(id, status);
  }

  @Test
  void runsAWorkflowToTheEndAndListsIt() {
    Api api = admin.in("ex-basic");
    api.postText("/api/v1/workflows", Flows.greeter("hello"), "application/yaml");
    Api.Response started =
        api.post("/api/v1/workflows/hello/execute", Map.of("inputs", Map.of("name", "Ada")));
    assertThat(started.status()).isEqualTo(201);
    String id = started.json().get("id").asString();
    assertThat(started.json().get("workflowVersion").asString()).isEqualTo("1");

    JsonNode done = awaitStatus(api, id, "COMPLETED");
    assertThat(done.get("outputs").get("text").asString()).isEqualTo("Hello, Ada");
    JsonNode step = done.get("steps").get(0);
    assertThat(step.get("stepId").asString()).isEqualTo("greet");
    assertThat(step.get("type").asString()).isEqualTo("tool");
    assertThat(step.get("status").asString()).isEqualTo("COMPLETED");

    await()
        .until(
            () -> api.get("/api/v1/executions?status=COMPLETED").json().get("total").asLong() == 1);
    JsonNode page = api.get("/api/v1/executions?workflowId=hello").json();
    assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(id);
    assertThat(page.get("items").get(0).get("status").asString()).isEqualTo("COMPLETED");

    JsonNode events = api.get("/api/v1/executions/" + id + "/events").json();
    assertThat(events.get(0).get("type").asString()).isEqualTo("execution_started");
    assertThat(events.get(events.size() - 1).get("type").asString())
        .isEqualTo("execution_completed");
    assertThat(api.get("/api/v1/executions/" + id + "/events?after=0").json().size())
        .isEqualTo(events.size() - 1);
  }

  @Test
  void runsPinTheirVersion() {
    Api api = admin.in("ex-versions");
    api.postText("/api/v1/workflows", Flows.greeter("pinned"), "application/yaml");
    api.post("/api/v1/workflows/pinned/publish", Map.of("version", 1));
    api.putText(
        "/api/v1/workflows/pinned",
        Flows.greeter("pinned").replace("Hello,", "Hi,"),
        "application/yaml");

    String published =
        api.post("/api/v1/workflows/pinned/execute", Map.of("inputs", Map.of("name", "A")))
            .json()
            .get("id")
            .asString();
    String latest =
        api.post(
                "/api/v1/workflows/pinned/execute",
                Map.of("inputs", Map.of("name", "A"), "version", "2"))
            .json()
            .get("id")
            .asString();
    assertThat(awaitStatus(api, published, "COMPLETED").get("outputs").get("text").asString())
        .isEqualTo("Hello, A");
    JsonNode second = awaitStatus(api, latest, "COMPLETED");
    assertThat(second.get("workflowVersion").asString()).isEqualTo("2");
    assertThat(second.get("outputs").get("text").asString()).isEqualTo("Hi, A");

    Api.Response unknown = api.post("/api/v1/workflows/pinned/execute", Map.of("version", "9"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/version");
  }

  @Test
  void humanInputsAreListedAnsweredOnceAndValidated() {
    Api api = admin.in("ex-human");
    api.postText("/api/v1/workflows", Flows.approval("approval"), "application/yaml");
    String id =
        api.post("/api/v1/workflows/approval/execute", Map.of("inputs", Map.of("release", "1.4")))
            .json()
            .get("id")
            .asString();
    JsonNode waiting = awaitStatus(api, id, "WAITING");
    JsonNode pending = waiting.get("pendingInputs").get(0);
    String waitId = pending.get("waitId").asString();
    assertThat(pending.get("prompt").asString()).isEqualTo("Ship 1.4?");

    JsonNode listed = api.get("/api/v1/inputs").json();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("executionId").asString()).isEqualTo(id);
    assertThat(admin.in("other-ns").get("/api/v1/inputs").json()).isEmpty();
    JsonNode form = api.get("/api/v1/inputs/" + waitId).json().get("form");
    assertThat(form.get("required").get(0).asString()).isEqualTo("approved");

    Api.Response invalid =
        api.post("/api/v1/inputs/" + waitId, Map.of("value", Map.of("approved", "yes")));
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().get("errors").get(0).get("pointer").asString()).startsWith("/value");

    Api.Response answered =
        api.post("/api/v1/inputs/" + waitId, Map.of("value", Map.of("approved", true)));
    assertThat(answered.status()).isEqualTo(200);
    assertThat(
            api.post("/api/v1/inputs/" + waitId, Map.of("value", Map.of("approved", true)))
                .status())
        .isEqualTo(409);
    assertThat(awaitStatus(api, id, "COMPLETED").get("outputs").get("approved").asBoolean())
        .isTrue();
    assertThat(api.post("/api/v1/inputs/no-such-wait", Map.of("value", 1)).status()).isEqualTo(404);
  }

  @Test
  void runsArePausedResumedStoppedRetriedAndRerun() {
    Api api = admin.in("ex-control");
    api.postText("/api/v1/workflows", Flows.approval("control"), "application/yaml");
    String id =
        api.post("/api/v1/workflows/control/execute", Map.of("inputs", Map.of("release", "2")))
            .json()
            .get("id")
            .asString();
    awaitStatus(api, id, "WAITING");

    Api.Response paused = api.post("/api/v1/executions/" + id + "/pause", null);
    assertThat(paused.status()).isEqualTo(200);
    assertThat(paused.json().get("status").asString()).isEqualTo("PAUSED");
    assertThat(api.post("/api/v1/executions/" + id + "/pause", null).status()).isEqualTo(409);
    assertThat(
            api.post("/api/v1/executions/" + id + "/resume", null).json().get("status").asString())
        .isIn("RUNNING", "WAITING");
    Api.Response stopped = api.post("/api/v1/executions/" + id + "/stop", null);
    assertThat(stopped.json().get("status").asString()).isEqualTo("CANCELLED");
    // read while ended: the server keeps this view, and the retry below must not be hidden by it
    assertThat(api.get("/api/v1/executions/" + id).json().get("status").asString())
        .isEqualTo("CANCELLED");

    Api.Response retried = api.post("/api/v1/executions/" + id + "/retry", null);
    assertThat(retried.status()).isEqualTo(200);
    JsonNode again = awaitStatus(api, id, "WAITING");
    assertThat(again.get("pendingInputs")).hasSize(1);

    Api.Response fork =
        api.post(
            "/api/v1/executions/" + id + "/rerun",
            Map.of("fromStep", "build", "input", Map.of("artifact", "edited.jar")));
    assertThat(fork.status()).isEqualTo(201);
    String forkId = fork.json().get("id").asString();
    assertThat(forkId).isNotEqualTo(id);
    JsonNode forked = awaitStatus(api, forkId, "WAITING");
    assertThat(forked.get("steps").get(0).get("output").get("artifact").asString())
        .isEqualTo("edited.jar");

    Api.Response badStep =
        api.post("/api/v1/executions/" + id + "/rerun", Map.of("fromStep", "nope"));
    assertThat(badStep.status()).isEqualTo(400);
    assertThat(badStep.json().get("errors").get(0).get("pointer").asString())
        .isEqualTo("/fromStep");
  }

  @Test
  void aFailedStepFailsTheRunWithItsError() {
    Api api = admin.in("ex-fail");
    String flow =
        """
        id: failing
        steps:
          - id: boom
            type: tool
            tool: fail
        """;
    api.postText("/api/v1/workflows", flow, "application/yaml");
    String id = api.post("/api/v1/workflows/failing/execute", Map.of()).json().get("id").asString();
    JsonNode failed = awaitStatus(api, id, "FAILED");
    assertThat(failed.get("failedStep").asString()).isEqualTo("boom");
    assertThat(failed.get("error").get("kind").asString()).isEqualTo("bad_input");
    assertThat(failed.get("error").get("category").asString()).isEqualTo("non_retryable");
  }

  @Test
  void hundredConcurrentExecutionsAllComplete() throws Exception {
    Api api = admin.in("ex-load");
    api.postText("/api/v1/workflows", Flows.greeter("load"), "application/yaml");
    java.util.List<java.util.concurrent.Future<Api.Response>> started = new java.util.ArrayList<>();
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 100; i++) {
        int n = i;
        started.add(
            threads.submit(
                () ->
                    api.post(
                        "/api/v1/workflows/load/execute",
                        Map.of("inputs", Map.of("name", "n" + n)))));
      }
    }
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (var f : started) {
      Api.Response r = f.get();
      assertThat(r.status()).isEqualTo(201);
      ids.add(r.json().get("id").asString());
    }
    assertThat(ids).hasSize(100);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.get("/api/v1/executions?workflowId=load&status=COMPLETED&page_size=200")
                        .json()
                        .get("total")
                        .asLong()
                    == 100);
  }
}
