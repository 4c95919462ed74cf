package io.baton.server.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.server.support.Api;
import io.baton.server.support.Flows;
import io.baton.server.support.ServerTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The execution index's status — what {@code GET /api/v1/executions?status=} filters by — follows a
 * run through every status, whether the event decides it or the run store must say.
 */
class ExecutionStatusSyncTest extends ServerTest {
  @Test
  void theIndexFollowsARunThroughWaitingPausedCancelledRetriedAndCompleted() {
    Api api = admin.in("sync-life");
    api.postText("/api/v1/workflows", Flows.approval("life"), "application/yaml");
    Api.Response started =
        api.post("/api/v1/workflows/life/execute", Map.of("inputs", Map.of("release", "3")));
    assertThat(started.json().get("status").asString()).isEqualTo("PENDING");
    String id = started.json().get("id").asString();

    awaitIndexed(api, id, "WAITING"); // read from the run store: the step waits
    api.post("/api/v1/executions/" + id + "/pause", null);
    awaitIndexed(api, id, "PAUSED"); // decided by RunPaused
    api.post("/api/v1/executions/" + id + "/resume", null);
    awaitIndexed(api, id, "WAITING"); // resumed: the store says the step still waits
    api.post("/api/v1/executions/" + id + "/stop", null);
    awaitIndexed(api, id, "CANCELLED"); // decided by RunCancelled
    api.post("/api/v1/executions/" + id + "/retry", null);
    awaitIndexed(api, id, "WAITING"); // retried, waiting again: a run no longer tracked
    String waitId =
        api.awaitStatus(id, "WAITING").get("pendingInputs").get(0).get("waitId").asString();
    api.post("/api/v1/inputs/" + waitId, Map.of("value", Map.of("approved", true)));
    awaitIndexed(api, id, "COMPLETED"); // decided by RunCompleted
  }

  @Test
  void eventsThatDecideTheStatusNeedNoReadOfTheRunStore() {
    RunEvent.StepStarted step = new RunEvent.StepStarted(Instant.EPOCH, "a", 1);
    assertThat(ExecutionStatusSync.statusAfter(step, RunStatus.RUNNING))
        .isEqualTo(RunStatus.RUNNING);
    assertThat(ExecutionStatusSync.statusAfter(step, RunStatus.WAITING))
        .as("a step starting in a waiting run: the other steps decide")
        .isNull();
    assertThat(ExecutionStatusSync.statusAfter(step, RunStatus.PAUSED)).isNull();
    assertThat(
            ExecutionStatusSync.statusAfter(
                new RunEvent.RunCompleted(Instant.EPOCH, Map.of()), RunStatus.RUNNING))
        .isEqualTo(RunStatus.COMPLETED);
    assertThat(
            ExecutionStatusSync.statusAfter(
                new RunEvent.RunResumed(Instant.EPOCH, "me"), RunStatus.PAUSED))
        .as("resumed: running or waiting, the store says")
        .isNull();
  }

  private static void awaitIndexed(Api api, String id, String status) {
    await()
        .untilAsserted(
            () ->
                assertThat(
                        api.get("/api/v1/executions?workflowId=life&status=" + status)
                            .json()
                            .get("items"))
                    .as("listed as %s", status)
                    .anyMatch(item -> item.get("id").asString().equals(id)));
  }
}
