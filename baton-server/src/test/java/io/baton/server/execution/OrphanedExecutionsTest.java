package io.baton.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.ServerTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A process that died between indexing a run and handing it to the engine leaves the run indexed
 * {@code PENDING}; a server that starts shows such runs failed once they are old enough, and never
 * touches a run the engine has or one that may still be starting.
 */
class OrphanedExecutionsTest extends ServerTest {
  private static final String FLOW =
      """
      id: orphans
      steps:
        - {id: note, type: tool, tool: echo, input: {x: 1}}
      """;

  @Autowired JdbcClient jdbc;
  @Autowired UnstartedRuns unstarted;

  private void indexedPending(String runId, Instant createdAt) {
    jdbc.sql(
            "insert into srv_execution (run_id, namespace, workflow_id, workflow_version,"
                + " status, created_by, created_at) values (:id, 'orphans', 'orphans', '1',"
                + " 'PENDING', 'admin', :at)")
        .param("id", runId)
        .param("at", Timestamp.from(createdAt))
        .update();
  }

  /** The run's status in the index. */
  private String indexed(String runId) {
    return jdbc.sql("select status from srv_execution where run_id = :id")
        .param("id", runId)
        .query(String.class)
        .single();
  }

  @Test
  void runsIndexedButNeverStartedAreShownFailedOnceOldEnough() {
    Api api = admin.in("orphans");
    Api.Response created = api.postText("/api/v1/workflows", FLOW, "application/yaml");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Api.Response started =
        api.post("/api/v1/workflows/orphans/execute", Map.of("inputs", Map.of()));
    assertThat(started.status()).as(started.body()).isBetween(200, 299);
    String real = started.json().get("id").asString();
    api.awaitStatus(real, "COMPLETED");
    // a run the engine has, whose index row still says PENDING: not an orphan
    jdbc.sql("update srv_execution set status = 'PENDING', created_at = :at where run_id = :id")
        .param("at", Timestamp.from(clock.now().minus(Duration.ofHours(1))))
        .param("id", real)
        .update();
    indexedPending("orphan-old", clock.now().minus(UnstartedRuns.ORPHANED_AFTER).minusSeconds(1));
    indexedPending("orphan-young", clock.now().minus(Duration.ofMinutes(1)));

    assertThat(unstarted.sweepOrphans()).isGreaterThanOrEqualTo(1);

    JsonNode orphan = api.get("/api/v1/executions/orphan-old").json();
    assertThat(orphan.get("status").asString()).isEqualTo("FAILED");
    assertThat(orphan.get("error").get("message").asString())
        .contains("never started")
        .contains("execute it again");
    assertThat(api.get("/api/v1/audit?resource_id=orphan-old").json().get("items"))
        .extracting(e -> e.get("action").asString())
        .containsExactly("execution.start-failed");
    assertThat(indexed("orphan-young")).as("may still be starting").isEqualTo("PENDING");
    assertThat(indexed(real)).as("the engine has it").isEqualTo("PENDING");
  }
}
