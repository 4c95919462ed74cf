package io.baton.server.degradation;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.RunningServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Degradation level 3 (orchestration only) on a real server with the offline model: model steps
 * that declare a {@code fallback} end with it, the others wait queued until the level drops, then
 * call the model.
 */
class OrchestrationOnlyApiTest {
  private static final String TRIAGE =
      """
      id: triage
      steps:
        - id: approve
          type: human
          prompt: "Triage ${inputs.ticket}?"
          form: {type: object, properties: {ok: {type: boolean}}}
        - id: summary
          type: llm
          dependsOn: [approve]
          input: {prompt: "Summarise ${inputs.ticket}", ticket: "${inputs.ticket}"}
          fallback: {summary: "no model available", ticket: "${input.ticket}"}
        - id: classify
          type: llm
          dependsOn: [approve]
          input: {prompt: "Classify ${inputs.ticket}"}
      """;

  @TempDir Path data;

  @Test
  void modelStepsTakeTheirFallbackOrWaitUntilTheLevelDrops() {
    try (RunningServer server = RunningServer.start(Map.of("baton.data", data.toString()))) {
      Api api = server.admin();
      assertThat(api.postText("/api/v1/workflows", TRIAGE, "application/yaml").status())
          .isEqualTo(201);
      String run =
          api.post("/api/v1/workflows/triage/execute", Map.of("inputs", Map.of("ticket", "T-7")))
              .json()
              .get("id")
              .asString();
      String waitId =
          api.awaitStatus(run, "WAITING").get("pendingInputs").get(0).get("waitId").asString();

      api.put("/api/v1/degradation", Map.of("level", 3, "reason", "providers down"));
      assertThat(api.post("/api/v1/inputs/" + waitId, Map.of("value", Map.of("ok", true))).status())
          .isBetween(200, 299);

      JsonNode detail = awaitStep(api, run, "summary", "COMPLETED");
      assertThat(Api.stepOutput(detail, "summary").get("summary").asString())
          .isEqualTo("no model available");
      assertThat(Api.stepOutput(detail, "summary").get("ticket").asString()).isEqualTo("T-7");
      assertThat(Api.step(detail, "classify").get("status").asString())
          .as("no model is called at level 3")
          .isNotIn("RUNNING", "COMPLETED");
      assertThat(detail.get("status").asString()).isEqualTo("RUNNING");

      api.delete("/api/v1/degradation");
      JsonNode done = api.awaitStatus(run, "COMPLETED");
      assertThat(Api.stepOutput(done, "classify").toString())
          .as("the offline model answered once the level dropped")
          .isNotEqualTo("null");
      JsonNode changes = api.get("/api/v1/events?type=degradation.changed").json();
      assertThat(changes).extracting(e -> e.get("data").get("to").asInt()).containsExactly(3, 0);
    }
  }

  @Test
  void aFallbackThatDoesNotParseIsRefusedWhenTheWorkflowIsSaved() {
    try (RunningServer server = RunningServer.start(Map.of("baton.data", data.toString()))) {
      Api.Response refused =
          server
              .admin()
              .postText(
                  "/api/v1/workflows",
                  TRIAGE.replace("${input.ticket}", "${input.ticket"),
                  "application/yaml");
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("/steps/1/fallback", "summary");
    }
  }

  private static JsonNode awaitStep(Api api, String run, String step, String status) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Api.step(api.get("/api/v1/executions/" + run).json(), step)
                    .get("status")
                    .asString()
                    .equals(status));
    return api.get("/api/v1/executions/" + run).json();
  }
}
