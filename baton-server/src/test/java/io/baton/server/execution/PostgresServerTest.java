package io.baton.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.Flows;
import io.baton.server.support.PostgresDatabase;
import io.baton.server.support.RunningServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The server on PostgreSQL by configuration alone ({@code baton.store.location}), in a database of
 * its own that is dropped afterwards: runs with a human step, a seed workflow on the modules, and
 * the runs', the server's and the modules' tables side by side in that one database.
 */
class PostgresServerTest {
  @TempDir Path data;

  @Test
  void runsWorkflowsAndKeepsEveryTableInOnePostgresDatabase() throws Exception {
    try (PostgresDatabase db = PostgresDatabase.create();
        RunningServer server =
            RunningServer.start(
                Map.of("baton.data", data.toString(), "baton.store.location", db.location()))) {
      Api api = server.admin().in("pg");
      api.postText("/api/v1/workflows", Flows.greeter("pg-hello"), "application/yaml");
      String hello =
          api.post("/api/v1/workflows/pg-hello/execute", Map.of("inputs", Map.of("name", "Pg")))
              .json()
              .get("id")
              .asString();
      assertThat(api.awaitStatus(hello, "COMPLETED").get("outputs").get("text").asString())
          .isEqualTo("Hello, Pg");

      api.postText("/api/v1/workflows", Flows.approval("pg-ship"), "application/yaml");
      String ship =
          api.post("/api/v1/workflows/pg-ship/execute", Map.of("inputs", Map.of("release", "3")))
              .json()
              .get("id")
              .asString();
      String waitId =
          api.awaitStatus(ship, "WAITING").get("pendingInputs").get(0).get("waitId").asString();
      api.post("/api/v1/inputs/" + waitId, Map.of("value", Map.of("approved", false)));
      assertThat(api.awaitStatus(ship, "COMPLETED").get("outputs").get("approved").asBoolean())
          .isFalse();

      String seed = seed("mplp-multi-agent-collaboration.json");
      assertThat(api.postText("/api/v1/workflows", seed, "application/json").status())
          .isEqualTo(201);
      String collab =
          api.post(
                  "/api/v1/workflows/multi-agent-collaboration/execute", Map.of("inputs", Map.of()))
              .json()
              .get("id")
              .asString();
      JsonNode done = api.awaitStatus(collab, "COMPLETED");
      String planId = Api.stepOutput(done, "plan-creation").get("planId").asString();

      try (Connection c = db.connect()) {
        assertThat(tables(c))
            .contains(
                "baton_journal",
                "baton_run",
                "srv_workflow",
                "srv_execution",
                "srv_agent",
                "baton_module_entity",
                "baton_schema_history",
                "baton_server_schema_history",
                "baton_modules_schema_history");
        assertThat(count(c, "select count(*) from srv_execution where namespace = 'pg'"))
            .isEqualTo(3);
        assertThat(
                count(
                    c,
                    "select count(*) from baton_module_entity where module = 'plan' and entity_id = '"
                        + planId
                        + "'"))
            .isEqualTo(1);
      }
      assertThat(
              api.get("/api/v1/health")
                  .json()
                  .get("components")
                  .get("store")
                  .get("status")
                  .asString())
          .isEqualTo("healthy");
    }
  }

  private static String seed(String file) throws IOException {
    try (InputStream in = PostgresServerTest.class.getResourceAsStream("/conformance/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select table_name from information_schema.tables where table_schema = 'public'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
