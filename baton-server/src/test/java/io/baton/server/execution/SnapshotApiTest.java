package io.baton.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.store.StoreBackend;
import io.baton.server.support.Api;
import io.baton.server.support.Flows;
import io.baton.server.support.ServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Snapshots: take, list, restore into a new run (with other inputs), refuse a damaged one. */
class SnapshotApiTest extends ServerTest {
  @Autowired StoreBackend store;

  private String waitingRun(Api api, String workflowId) {
    api.postText("/api/v1/workflows", Flows.approval(workflowId), "application/yaml");
    Api.Response started =
        api.post(
            "/api/v1/workflows/" + workflowId + "/execute",
            Map.of("inputs", Map.of("release", "1.0")));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String id = started.json().get("id").asString();
    api.awaitStatus(id, "WAITING");
    return id;
  }

  @Test
  void aSnapshotRestoresIntoANewRunThatKeepsTheCompletedStepsAndTakesNewInputs() {
    Api api = admin.in("snap");
    String source = waitingRun(api, "snap-release");

    Api.Response taken =
        api.post("/api/v1/executions/" + source + "/snapshots", Map.of("label", "before-approval"));
    assertThat(taken.status()).as(taken.body()).isEqualTo(201);
    JsonNode snapshot = taken.json();
    assertThat(snapshot.get("executionId").asString()).isEqualTo(source);
    assertThat(snapshot.get("label").asString()).isEqualTo("before-approval");
    assertThat(snapshot.get("checksum").asString()).hasSize(64);
    assertThat(snapshot.get("seq").asLong()).isPositive();
    JsonNode listed = api.get("/api/v1/executions/" + source + "/snapshots").json();
    assertThat(listed.valueStream().map(s -> s.get("snapshotId").asString()))
        .containsExactly(snapshot.get("snapshotId").asString());

    Api.Response restored =
        api.post(
            "/api/v1/snapshots/" + snapshot.get("snapshotId").asString() + "/restore",
            Map.of("inputs", Map.of("release", "2.0")));
    assertThat(restored.status()).as(restored.body()).isEqualTo(201);
    String copy = restored.json().get("id").asString();
    assertThat(copy).isNotEqualTo(source);
    assertThat(restored.json().get("workflowId").asString()).isEqualTo("snap-release");
    JsonNode waiting = api.awaitStatus(copy, "WAITING");
    assertThat(Api.step(waiting, "build").get("status").asString()).isEqualTo("COMPLETED");
    String waitId = waiting.get("pendingInputs").get(0).get("waitId").asString();
    assertThat(
            api.post("/api/v1/inputs/" + waitId, Map.of("value", Map.of("approved", true)))
                .status())
        .isEqualTo(200);
    assertThat(api.awaitStatus(copy, "COMPLETED").get("outputs").get("approved").asBoolean())
        .isTrue();
    // the source run is left as it was
    assertThat(api.get("/api/v1/executions/" + source).json().get("status").asString())
        .isEqualTo("WAITING");
  }

  @Test
  void anotherNamespaceSeesNoSnapshotAndADamagedOneIsRefused() {
    Api api = admin.in("snap-bad");
    String source = waitingRun(api, "snap-damaged");
    String snapshotId =
        api.post("/api/v1/executions/" + source + "/snapshots", null)
            .json()
            .get("snapshotId")
            .asString();
    assertThat(admin.in("elsewhere").get("/api/v1/executions/" + source + "/snapshots").status())
        .isEqualTo(404);
    assertThat(
            admin
                .in("elsewhere")
                .post("/api/v1/snapshots/" + snapshotId + "/restore", null)
                .status())
        .isEqualTo(404);
    assertThat(api.post("/api/v1/snapshots/no-such-snapshot/restore", null).status())
        .isEqualTo(404);

    // damage the stored bytes, as a bad disk would (the in-memory store keeps the array it got)
    byte[] payload = store.snapshots().find(snapshotId).orElseThrow().payload();
    payload[payload.length / 2] ^= 0x20;

    Api.Response refused = api.post("/api/v1/snapshots/" + snapshotId + "/restore", null);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.header("content-type")).startsWith("application/problem+json");
    assertThat(refused.json().get("detail").asString()).contains("corrupted");
    assertThat(refused.json().get("errors").get(0).get("code").asString())
        .isEqualTo("snapshot-corrupted");
    assertThat(api.get("/api/v1/executions?workflowId=snap-damaged").json().get("total").asInt())
        .isEqualTo(1);
  }
}
