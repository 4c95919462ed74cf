package io.baton.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.store.StoreBackend;
import io.baton.server.support.Api;
import io.baton.server.support.PostgresDatabase;
import io.baton.server.support.RunningServer;
import io.baton.store.jdbc.JdbcStoreBackend;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On PostgreSQL holding the server's tables, an execute commits the run's record, its index row and
 * its audit entry in one transaction: a start whose commit fails leaves none of them — no audit
 * entry of a run that does not exist, no index row without its run — and a start the engine refuses
 * writes nothing.
 */
class StartCommitTest {
  private static final String FLOW =
      """
      id: %s
      inputs: {type: object, required: [n], properties: {n: {type: integer}}}
      steps:
        - {id: note, type: tool, tool: echo, input: {n: "${inputs.n}"}}
      """;

  @TempDir static Path data;
  private static PostgresDatabase database;
  private static RunningServer server;
  private static Api api;
  private static JdbcClient sql;

  @BeforeAll
  static void start() {
    database = PostgresDatabase.create();
    server =
        RunningServer.start(
            Map.of("baton.data", data.toString(), "baton.store.location", database.location()));
    assertThat(server.bean(StoreBackend.class)).isInstanceOf(JdbcStoreBackend.class);
    api = server.admin().in("starts");
    sql = server.bean(JdbcClient.class);
    for (String id : new String[] {"kept", "refused"}) {
      Api.Response created =
          api.postText("/api/v1/workflows", FLOW.formatted(id), "application/yaml");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
    // the database refuses the record of every run of 'refused', as a failing disk would
    sql.sql("alter table baton_run add constraint refuse_runs check (workflow_id <> 'refused')")
        .update();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private static long count(String query, String value) {
    return sql.sql(query).param("v", value).query(Long.class).single();
  }

  private static long startEntries() {
    return count("select count(*) from srv_audit where action like :v", "execution.start%");
  }

  @Test
  void anAnsweredExecuteHasItsRunItsIndexRowAndItsAuditEntry() {
    Api.Response started =
        api.post("/api/v1/workflows/kept/execute", Map.of("inputs", Map.of("n", 1)));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String runId = started.json().get("id").asString();

    assertThat(server.bean(StoreBackend.class).runs().find(runId)).isPresent();
    assertThat(count("select count(*) from srv_execution where run_id = :v", runId)).isEqualTo(1);
    assertThat(count("select count(*) from srv_audit where resource_id = :v", runId)).isEqualTo(1);
    api.awaitStatus(runId, "COMPLETED");
  }

  @Test
  void aStartWhoseCommitFailsLeavesNeitherIndexRowNorAuditEntry() {
    long before = startEntries();
    Api.Response failed =
        api.post("/api/v1/workflows/refused/execute", Map.of("inputs", Map.of("n", 1)));

    assertThat(failed.status()).as(failed.body()).isGreaterThanOrEqualTo(500);
    assertThat(count("select count(*) from baton_run where workflow_id = :v", "refused")).isZero();
    assertThat(count("select count(*) from srv_execution where workflow_id = :v", "refused"))
        .as("no index row without its run")
        .isZero();
    assertThat(startEntries()).as("no audit entry of a run that does not exist").isEqualTo(before);
  }

  @Test
  void aStartTheEngineRefusesWritesNothing() {
    long before = startEntries();
    Api.Response refused =
        api.post("/api/v1/workflows/kept/execute", Map.of("inputs", Map.of("n", "one")));

    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(startEntries()).isEqualTo(before);
  }
}
