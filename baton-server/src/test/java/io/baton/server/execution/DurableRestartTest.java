package io.baton.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.store.StoreBackend;
import io.baton.server.support.Api;
import io.baton.server.support.Flows;
import io.baton.server.support.RunningServer;
import io.baton.store.jdbc.JdbcStoreBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The server on its default store — the H2 file in the data directory, no store setting at all —
 * shut down gracefully and started again on the same directory: a run waiting for a person, the
 * server's own tables (workflows, keys, agents) and the modules' entities, all in the one database
 * file, carry on; the question is answered after the restart and the run completes.
 */
class DurableRestartTest {
  @TempDir Path data;

  private RunningServer start() {
    return RunningServer.start(Map.of("baton.data", data.toString()));
  }

  @Test
  void aWaitingRunSurvivesARestartAndIsAnsweredAfterIt() throws Exception {
    String runId;
    String contextId;
    String snapshotId;
    try (RunningServer first = start()) {
      Api api = first.admin().in("durable");
      assertThat(first.bean(StoreBackend.class)).isInstanceOf(JdbcStoreBackend.class);
      assertThat(
              api.postText("/api/v1/workflows", Flows.approval("ship"), "application/yaml")
                  .status())
          .isEqualTo(201);
      runId =
          api.post("/api/v1/workflows/ship/execute", Map.of("inputs", Map.of("release", "7")))
              .json()
              .get("id")
              .asString();
      api.awaitStatus(runId, "WAITING");
      snapshotId =
          api.post("/api/v1/executions/" + runId + "/snapshots", null)
              .json()
              .get("snapshotId")
              .asString();
      assertThat(api.post("/api/v1/agents", Map.of("name", "keeper", "role", "Keeper")).status())
          .isEqualTo(201);
      contextId =
          api.post("/api/v1/modules/context/create-context", Map.of("name", "kept"))
              .json()
              .get("result")
              .get("contextId")
              .asString();
    }
    // one database file holds the runs, the server's tables and the modules' entities
    try (var files = Files.list(data)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mv.db")))
          .containsExactly("baton.mv.db");
    }

    try (RunningServer second = start()) {
      Api api = second.admin().in("durable");
      JsonNode waiting = api.get("/api/v1/executions/" + runId).json();
      assertThat(waiting.get("status").asString()).isEqualTo("WAITING");
      JsonNode question = api.get("/api/v1/inputs").json().get(0);
      assertThat(question.get("executionId").asString()).isEqualTo(runId);
      assertThat(question.get("prompt").asString()).isEqualTo("Ship 7?");
      Api.Response answered =
          api.post(
              "/api/v1/inputs/" + question.get("waitId").asString(),
              Map.of("value", Map.of("approved", true)));
      assertThat(answered.status()).as(answered.body()).isEqualTo(200);
      assertThat(api.awaitStatus(runId, "COMPLETED").get("outputs").get("approved").asBoolean())
          .isTrue();

      assertThat(api.get("/api/v1/agents/keeper").status()).isEqualTo(200);
      assertThat(
              api.post("/api/v1/modules/context/get-context", Map.of("contextId", contextId))
                  .json()
                  .get("result")
                  .get("name")
                  .asString())
          .isEqualTo("kept");

      // a snapshot damaged in the database is refused with a problem that says so
      JdbcStoreBackend store = (JdbcStoreBackend) second.bean(StoreBackend.class);
      byte[] payload = store.snapshots().find(snapshotId).orElseThrow().payload().clone();
      payload[payload.length / 2] ^= 0x20;
      try (Connection c = store.dataSource().getConnection();
          PreparedStatement update =
              c.prepareStatement("update baton_snapshot set payload = ? where snapshot_id = ?")) {
        update.setBytes(1, payload);
        update.setString(2, snapshotId);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
      Api.Response refused = api.post("/api/v1/snapshots/" + snapshotId + "/restore", null);
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.json().get("detail").asString()).contains("corrupted");
    }
  }
}
