package io.baton.server.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.ServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The modules API: list with health, calls, lifecycle, and the health rule they feed. */
class ModuleApiTest extends ServerTest {

  private static JsonNode module(JsonNode list, String name) {
    for (JsonNode item : list.get("items")) {
      if (item.get("status").get("name").asString().equals(name)) {
        return item;
      }
    }
    throw new AssertionError("no module " + name + " in " + list);
  }

  @Test
  void listsTheTenModulesRunningAndHealthy() {
    JsonNode list = admin.get("/api/v1/modules").json();

    assertThat(list.get("status").asString()).isEqualTo("healthy");
    assertThat(list.get("items").valueStream().map(m -> m.get("status").get("name").asString()))
        .containsExactly(
            "context",
            "plan",
            "role",
            "confirm",
            "trace",
            "extension",
            "dialog",
            "collab",
            "core",
            "network");
    JsonNode context = module(list, "context");
    assertThat(context.get("status").get("state").asString()).isEqualTo("RUNNING");
    assertThat(context.get("health").asString()).isEqualTo("healthy");
    assertThat(context.get("status").get("operations").valueStream().map(JsonNode::asString))
        .contains("create-context", "set-variable");
  }

  @Test
  void callsAnOperationInAnyNamingStyleAndReadsTheEntityBack() {
    Api.Response created =
        admin.post(
            "/api/v1/modules/context/createContext",
            Map.of("name", "api-session", "variables", Map.of("goal", "ship")));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String contextId = created.json().get("result").get("contextId").asString();

    Api.Response read =
        admin.post("/api/v1/modules/context/get-context", Map.of("contextId", contextId));
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().get("result").get("name").asString()).isEqualTo("api-session");
  }

  @Test
  void unknownNamesAndBadInputAreProblems() {
    Api.Response module = admin.post("/api/v1/modules/nope/anything", Map.of());
    assertThat(module.status()).isEqualTo(404);
    assertThat(module.header("content-type")).startsWith("application/problem+json");
    assertThat(module.json().get("detail").asString()).contains("context");

    Api.Response operation = admin.post("/api/v1/modules/plan/fly", Map.of());
    assertThat(operation.status()).isEqualTo(404);
    assertThat(operation.json().get("detail").asString()).contains("create-plan");

    Api.Response bad =
        admin.post("/api/v1/modules/context/get-context", Map.of("contextId", "not-a-uuid"));
    assertThat(bad.status()).as(bad.body()).isIn(404, 422);
    assertThat(bad.json().get("errors").get(0).get("code").asString()).isNotBlank();
  }

  @Test
  void aStoppedModuleRefusesCallsAndMakesTheServerUnhealthyUntilStarted() {
    String operator = newKey("modules-operator", List.of("*:operator"));
    Api asOperator = admin.withKey(operator);
    assertThat(asOperator.post("/api/v1/modules/network/lifecycle/stop", null).status())
        .isEqualTo(403);

    Api.Response stopped = admin.post("/api/v1/modules/network/lifecycle/stop", null);
    try {
      assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
      assertThat(stopped.json().get("status").get("state").asString()).isEqualTo("STOPPED");
      assertThat(stopped.json().get("health").asString()).isEqualTo("unhealthy");

      Api.Response refused =
          asOperator.post("/api/v1/modules/network/find-agents", Map.of("role", "worker"));
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.json().get("detail").asString()).contains("stopped");

      JsonNode health = admin.get("/api/v1/health").json();
      assertThat(health.get("components").get("module:network").get("status").asString())
          .isEqualTo("unhealthy");
      assertThat(health.get("status").asString()).isIn("warning", "degraded", "critical");
      assertThat(admin.get("/api/v1/modules").json().get("status").asString()).isEqualTo("warning");
    } finally {
      Api.Response started = admin.post("/api/v1/modules/network/lifecycle/restart", null);
      assertThat(started.json().get("status").get("state").asString()).isEqualTo("RUNNING");
    }
    assertThat(
            asOperator
                .post("/api/v1/modules/network/find-agents", Map.of("role", "worker"))
                .status())
        .isEqualTo(200);
    assertThat(
            admin
                .get("/api/v1/health")
                .json()
                .get("components")
                .get("module:network")
                .get("status")
                .asString())
        .isEqualTo("healthy");
    JsonNode audit = admin.get("/api/v1/audit?action=module.stop&namespace=default").json();
    assertThat(audit.toString()).contains("network");
  }

  @Test
  void anUnknownLifecycleActionPointsAtIt() {
    Api.Response r = admin.post("/api/v1/modules/plan/lifecycle/explode", null);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/action");
  }
}
