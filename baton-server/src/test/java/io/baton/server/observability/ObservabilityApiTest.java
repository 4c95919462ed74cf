package io.baton.server.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.server.support.Api;
import io.baton.server.support.Flows;
import io.baton.server.support.ServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ObservabilityApiTest extends ServerTest {
  @Autowired AlertEngine alerts;

  private static final String FAILING =
      """
      id: %s
      steps:
        - {id: boom, type: tool, tool: fail}
      """;

  private void failOnce(Api api, String workflow) {
    String id =
        api.post("/api/v1/workflows/" + workflow + "/execute", Map.of())
            .json()
            .get("id")
            .asString();
    await()
        .until(
            () ->
                api.get("/api/v1/executions/" + id)
                    .json()
                    .get("status")
                    .asString()
                    .equals("FAILED"));
  }

  @Test
  void prometheusHealthAndSummaryReportRuns() {
    Api api = admin.in("obs-metrics");
    api.postText("/api/v1/workflows", Flows.greeter("metered"), "application/yaml");
    String id =
        api.post("/api/v1/workflows/metered/execute", Map.of("inputs", Map.of("name", "m")))
            .json()
            .get("id")
            .asString();
    await()
        .until(
            () ->
                api.get("/api/v1/executions/" + id)
                    .json()
                    .get("status")
                    .asString()
                    .equals("COMPLETED"));

    Api.Response prometheus = admin.get("/actuator/prometheus");
    assertThat(prometheus.status()).isEqualTo(200);
    assertThat(prometheus.body())
        .contains("baton_runs_started_total")
        .contains("baton_runs_ended_total{application=\"baton\",status=\"completed\"}")
        .contains("baton_step_duration_seconds")
        .contains("baton_steps_queued")
        .contains("jvm_memory_used_bytes");
    assertThat(new Api(port, null, null).get("/actuator/prometheus").status()).isEqualTo(401);

    JsonNode health = admin.get("/api/v1/health").json();
    assertThat(health.get("components").get("store").get("status").asString()).isEqualTo("healthy");
    assertThat(health.get("components").get("serverDatabase").get("status").asString())
        .isEqualTo("healthy");
    assertThat(health.get("status").asString()).isIn("healthy", "warning");
    assertThat(
            new Api(port, null, null)
                .get("/actuator/health/liveness")
                .json()
                .get("status")
                .asString())
        .isEqualTo("UP");
    assertThat(new Api(port, null, null).get("/actuator/health/readiness").status()).isEqualTo(200);

    JsonNode summary = admin.get("/api/v1/metrics/summary").json();
    assertThat(summary.get("runsStarted").asDouble()).isPositive();
  }

  @Test
  void aSustainedErrorRateRaisesAP1AlertThatCanBeResolved() {
    alerts.list(true).forEach(a -> alerts.resolve(a.alertId(), "test"));
    Api api = admin.in("obs-alerts");
    api.postText("/api/v1/workflows", FAILING.formatted("always-fails"), "application/yaml");
    Instant start = clock.now();
    for (int i = 0; i < 3; i++) {
      failOnce(api, "always-fails");
      alerts.evaluate();
      if (i < 2) {
        clock.advance(Duration.ofSeconds(150));
      }
    }
    JsonNode active = admin.get("/api/v1/alerts?status=active").json().get("alerts");
    JsonNode alert = null;
    for (JsonNode a : active) {
      if (a.get("ruleId").asString().equals("error-rate")) {
        alert = a;
      }
    }
    assertThat(alert).as(active.toString()).isNotNull();
    assertThat(alert.get("severity").asString()).isEqualTo("P1");
    assertThat(Instant.parse(alert.get("raisedAt").asString()))
        .isEqualTo(start.plus(Duration.ofMinutes(5)));
    assertThat(
            admin
                .get("/api/v1/health")
                .json()
                .get("components")
                .get("alerts")
                .get("status")
                .asString())
        .isEqualTo("unhealthy");

    String alertId = alert.get("alertId").asString();
    Api.Response resolved = admin.post("/api/v1/alerts/" + alertId + "/resolve", null);
    assertThat(resolved.status()).isEqualTo(200);
    assertThat(resolved.json().get("status").asString()).isEqualTo("resolved");
    assertThat(admin.post("/api/v1/alerts/" + alertId + "/resolve", null).status()).isEqualTo(404);
    JsonNode raised = admin.get("/api/v1/events?type=alert.*").json();
    assertThat(raised.valueStream().map(e -> e.get("type").asString()))
        .contains("alert.raised", "alert.resolved");
  }

  @Test
  void runsPublishTheirLifeOnTheEventBus() {
    Api api = admin.in("obs-events");
    api.postText("/api/v1/workflows", Flows.greeter("evented"), "application/yaml");
    String id =
        api.post("/api/v1/workflows/evented/execute", Map.of("inputs", Map.of("name", "e")))
            .json()
            .get("id")
            .asString();
    await()
        .until(() -> api.get("/api/v1/events?type=run.completed&subject=" + id).json().size() == 1);
    JsonNode event = api.get("/api/v1/events?subject=" + id).json();
    assertThat(event.get(event.size() - 1).get("data").get("workflowId").asString())
        .isEqualTo("evented");
    assertThat(admin.in("obs-other").get("/api/v1/events?subject=" + id).json()).isEmpty();

    Api.Response published =
        api.post(
            "/api/v1/events",
            Map.of("type", "order.paid", "correlationId", "A-1", "data", Map.of("amount", 3)));
    assertThat(published.status()).isEqualTo(201);
    assertThat(published.json().get("deliveredToRuns").asInt()).isZero();
    assertThat(
            api.get("/api/v1/events?type=order.*").json().get(0).get("data").get("amount").asInt())
        .isEqualTo(3);
    assertThat(
            api.post("/api/v1/events", Map.of("data", 1))
                .json()
                .get("errors")
                .get(0)
                .get("pointer")
                .asString())
        .isEqualTo("/type");
  }
}
