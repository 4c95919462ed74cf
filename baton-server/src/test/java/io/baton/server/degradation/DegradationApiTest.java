package io.baton.server.degradation;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.baton.ai.BatonAi;
import io.baton.api.store.StoreBackend;
import io.baton.server.support.Api;
import io.baton.server.support.Flows;
import io.baton.server.support.RunningServer;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.test.FakeClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The degradation levels driven by real conditions on a server of the test's own (embedded H2 file
 * store, fake clock, evaluation every 10 s, two confirmations, 60 s recovery hold): the store's
 * pool exhausted by connections the test holds, model providers' circuit breakers opened, and an
 * administrator's maintenance level.
 */
class DegradationApiTest {
  private static final Duration TICK = Duration.ofSeconds(10);

  @TempDir Path data;

  private RunningServer start(Map<String, Object> extra) {
    Map<String, Object> properties = new java.util.HashMap<>(extra);
    properties.put("baton.data", data.toString());
    properties.put("baton.degradation.evaluation-interval", "10s");
    properties.put("baton.degradation.recovery-hold", "60s");
    return RunningServer.start(properties);
  }

  @Test
  void anExhaustedStorePoolMakesTheServerReadOnlyUntilItRecoversStepByStep() throws Exception {
    try (RunningServer server = start(Map.of())) {
      Api api = server.admin();
      FakeClock clock = server.bean(FakeClock.class);
      api.postText("/api/v1/workflows", Flows.greeter("hello"), "application/yaml");
      assertThat(level(api)).isZero();

      List<Connection> held = exhaust(server.bean(StoreBackend.class));
      clock.advance(TICK);
      assertThat(level(api)).as("one evaluation is not enough to degrade").isZero();
      clock.advance(TICK);
      JsonNode state = api.get("/api/v1/degradation").json();
      assertThat(state.get("level").asInt()).isEqualTo(2);
      assertThat(state.get("reasons").get(0).asString()).contains("every connection");

      Api.Response refused = execute(api);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isEqualTo("10");
      assertThat(refused.json().get("level").asInt()).isEqualTo(2);
      assertThat(refused.json().get("detail").asString()).contains("level 2 (read-only)");
      assertThat(api.get("/api/v1/executions").status()).as("reads keep working").isEqualTo(200);
      JsonNode health = api.get("/api/v1/health").json().get("components").get("degradation");
      assertThat(health.get("status").asString()).isEqualTo("unhealthy");
      assertThat(api.get("/actuator/prometheus").body())
          .contains("baton_degradation_level{application=\"baton\"} 2.0");

      for (Connection c : held) {
        c.close();
      }
      clock.advance(TICK);
      assertThat(level(api)).as("held for the recovery time").isEqualTo(2);
      clock.advance(Duration.ofSeconds(60));
      assertThat(level(api)).as("one level at a time").isEqualTo(1);
      assertThat(execute(api).status()).isEqualTo(201);
      clock.advance(Duration.ofSeconds(60));
      assertThat(level(api)).isZero();

      JsonNode changes = api.get("/api/v1/events?type=degradation.changed").json();
      assertThat(changes).extracting(e -> e.get("data").get("to").asInt()).containsExactly(2, 1, 0);
      JsonNode audited = api.get("/api/v1/audit?action=degradation.change").json().get("items");
      assertThat(audited).hasSize(3);
      assertThat(audited.get(2).get("actor").asString()).isEqualTo("system");
    }
  }

  @Test
  void openCircuitsGoToBackupModelsThenOrchestrationOnly() {
    try (RunningServer server =
        start(
            Map.of(
                "baton.degradation.confirmations", "1",
                "baton.ai.config.providers.primary.kind", "ollama",
                "baton.ai.config.providers.primary.baseUrl", "http://127.0.0.1:9",
                "baton.ai.config.providers.backup.kind", "ollama",
                "baton.ai.config.providers.backup.baseUrl", "http://127.0.0.1:9"))) {
      Api api = server.admin();
      FakeClock clock = server.bean(FakeClock.class);
      BatonAi ai = server.bean(BatonAi.class);
      api.postText("/api/v1/workflows", Flows.greeter("hello"), "application/yaml");

      failFiveTimes(ai, "primary");
      clock.advance(TICK);
      JsonNode state = api.get("/api/v1/degradation").json();
      assertThat(state.get("level").asInt()).isEqualTo(1);
      assertThat(state.get("reasons").get(0).asString()).contains("1 of 2", "primary");
      assertThat(execute(api).status()).as("level 1 refuses nothing").isEqualTo(201);

      failFiveTimes(ai, "backup");
      clock.advance(TICK);
      assertThat(level(api)).isEqualTo(3);
      Api.Response refused = execute(api);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.json().get("levelTitle").asString()).isEqualTo("orchestration only");
    }
  }

  @Test
  void anAdministratorSetsAndLiftsLevelsWhileHumanInputsKeepWorking() {
    try (RunningServer server = start(Map.of())) {
      Api api = server.admin();
      api.postText("/api/v1/workflows", Flows.approval("ship"), "application/yaml");
      String run =
          api.post("/api/v1/workflows/ship/execute", Map.of("inputs", Map.of("release", "7")))
              .json()
              .get("id")
              .asString();
      String waitId =
          api.awaitStatus(run, "WAITING").get("pendingInputs").get(0).get("waitId").asString();

      Api.Response missing = api.put("/api/v1/degradation", Map.of("level", 2));
      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.body()).contains("/reason");
      assertThat(api.put("/api/v1/degradation", Map.of("level", 7, "reason", "x")).status())
          .isEqualTo(400);
      String viewer = newKey(api, List.of("default:viewer"));
      assertThat(
              api.withKey(viewer)
                  .put("/api/v1/degradation", Map.of("level", 2, "reason", "x"))
                  .status())
          .isEqualTo(403);

      Api.Response set =
          api.put("/api/v1/degradation", Map.of("level", 2, "reason", "database migration"));
      assertThat(set.json().get("level").asInt()).isEqualTo(2);
      assertThat(execute(api, "ship", Map.of("release", "8")).status()).isEqualTo(503);
      Api.Response answered =
          api.post("/api/v1/inputs/" + waitId, Map.of("value", Map.of("approved", true)));
      assertThat(answered.status()).as(answered.body()).isBetween(200, 299);
      assertThat(api.awaitStatus(run, "COMPLETED").get("outputs").get("approved").asBoolean())
          .isTrue();

      api.put(
          "/api/v1/degradation",
          Map.of("level", 4, "reason", "upgrade", "expectedRecovery", "2030-01-01T00:30:00Z"));
      Api.Response closed = api.get("/api/v1/workflows");
      assertThat(closed.status()).isEqualTo(503);
      assertThat(closed.header("Retry-After")).isEqualTo("1800");
      assertThat(api.get("/api/v1/health").status()).isEqualTo(200);

      assertThat(api.delete("/api/v1/degradation").json().get("level").asInt()).isZero();
      assertThat(api.get("/api/v1/workflows").status()).isEqualTo(200);
      JsonNode audited = api.get("/api/v1/audit?action=degradation.set").json().get("items");
      assertThat(audited).hasSize(3);
      assertThat(audited.get(2).get("after").get("reason").asString())
          .isEqualTo("database migration");
    }
  }

  private static int level(Api api) {
    return api.get("/api/v1/degradation").json().get("level").asInt();
  }

  private static Api.Response execute(Api api) {
    return execute(api, "hello", Map.of("name", "Ada"));
  }

  private static Api.Response execute(Api api, String workflow, Map<String, Object> inputs) {
    return api.post("/api/v1/workflows/" + workflow + "/execute", Map.of("inputs", inputs));
  }

  /** Takes every connection of the store's pool, as a flood of slow queries would. */
  private static List<Connection> exhaust(StoreBackend store) throws Exception {
    HikariDataSource pool = (HikariDataSource) ((JdbcStoreBackend) store).dataSource();
    List<Connection> held = new ArrayList<>();
    for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
      held.add(pool.getConnection());
    }
    return held;
  }

  /** Five failures in a row: seed 002's threshold opens the provider's breaker. */
  private static void failFiveTimes(BatonAi ai, String provider) {
    for (int i = 0; i < 5; i++) {
      ai.models().breaker(provider).onFailure();
    }
  }

  private static String newKey(Api api, List<String> grants) {
    return api.post("/api/v1/auth/keys", Map.of("name", "viewer", "grants", grants))
        .json()
        .get("secret")
        .asString();
  }
}
