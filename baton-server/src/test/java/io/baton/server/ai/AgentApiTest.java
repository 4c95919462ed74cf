package io.baton.server.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.ServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Agents (seed 002: list, register, get, delete → 204), chat, and model metrics. */
class AgentApiTest extends ServerTest {
  private static final Map<String, Object> HELPER =
      Map.of(
          "name",
          "helper",
          "type",
          "chat",
          "role",
          "Helper",
          "description",
          "Answers questions",
          "capabilities",
          List.of("answering"),
          "model",
          Map.of("use", "offline", "temperature", 0.2),
          "maxIterations",
          3);

  @Test
  void registersGetsListsChatsWithAndDeletesAnAgent() {
    Api api = admin.in("agents");
    Api.Response created = api.post("/api/v1/agents", HELPER);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("location")).isEqualTo("/api/v1/agents/helper");
    JsonNode agent = created.json();
    assertThat(agent.get("id").asString()).isEqualTo("helper");
    assertThat(agent.get("source").asString()).isEqualTo("api");
    assertThat(agent.get("definition").get("role").asString()).isEqualTo("Helper");
    assertThat(agent.get("definition").get("model").get("use").asString()).isEqualTo("offline");

    assertThat(api.get("/api/v1/agents/helper").json().get("version").asString()).isEqualTo("1");
    assertThat(api.get("/api/v1/agents").json().valueStream().map(a -> a.get("id").asString()))
        .contains("helper");
    assertThat(admin.in("other").get("/api/v1/agents/helper").status()).isEqualTo(404);
    assertThat(admin.in("other").post("/api/v1/agents", HELPER).status()).isEqualTo(409);
    assertThat(api.post("/api/v1/agents", HELPER).status()).isEqualTo(409);

    Api.Response chat = api.post("/api/v1/agents/helper/chat", Map.of("message", "What is Baton?"));
    assertThat(chat.status()).as(chat.body()).isEqualTo(200);
    JsonNode answer = chat.json();
    assertThat(answer.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(answer.get("offline").asBoolean()).isTrue();
    assertThat(answer.get("reply").asString()).startsWith("[offline model]");
    assertThat(answer.get("usage").get("totalTokens").asLong()).isPositive();
    String executionId = answer.get("executionId").asString();
    assertThat(api.get("/api/v1/executions/" + executionId).json().get("workflowId").asString())
        .isEqualTo("agent-chat.helper");

    String metrics = api.get("/actuator/prometheus").body();
    assertThat(metrics).containsPattern("baton_model_calls_total\\{[^}]*offline=\"true\"");
    assertThat(metrics).containsPattern("baton_model_tokens_total\\{[^}]*direction=\"input\"");

    assertThat(api.delete("/api/v1/agents/helper").status()).isEqualTo(204);
    assertThat(api.get("/api/v1/agents/helper").status()).isEqualTo(404);
    assertThat(api.post("/api/v1/agents/helper/chat", Map.of("message", "hi")).status())
        .isEqualTo(404);
  }

  @Test
  void aRemoteAgentRegisteredOverTheApiBeatsItsHeartbeat() {
    Api api = admin.in("agents-remote");
    Map<String, Object> remote =
        Map.of(
            "name",
            "far-translator",
            "type",
            "remote",
            "capabilities",
            List.of("translation"),
            "options",
            Map.of("url", "http://127.0.0.1:9", "heartbeatInterval", "10s"));
    assertThat(api.post("/api/v1/agents", remote).status()).isEqualTo(201);

    Api.Response beat = api.post("/api/v1/agents/far-translator/heartbeat", Map.of());

    assertThat(beat.status()).as(beat.body()).isEqualTo(200);
    assertThat(beat.json().get("available").asBoolean()).isTrue();
    assertThat(beat.json().get("lastHeartbeat").asString()).isNotBlank();
    api.post("/api/v1/agents", HELPER);
    assertThat(api.post("/api/v1/agents/helper/heartbeat", Map.of()).status()).isEqualTo(409);
    assertThat(api.post("/api/v1/agents/nobody/heartbeat", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void aWrongDefinitionIsAProblemPointingAtTheField() {
    Api api = admin.in("agents-bad");
    Api.Response unknown = api.post("/api/v1/agents", Map.of("name", "x", "colour", "red"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/colour");
    Api.Response nameless = api.post("/api/v1/agents", Map.of("role", "Nobody"));
    assertThat(nameless.status()).isEqualTo(422);
    assertThat(nameless.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/name");
    Api.Response empty = api.post("/api/v1/agents/ghost/chat", Map.of());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/message");
  }

  @Test
  void aViewerReadsAgentsButCannotRegisterOrChat() {
    String viewer = newKey("agents-viewer", List.of("agents-roles:viewer"));
    Api asViewer = new Api(port, viewer, "agents-roles");
    assertThat(asViewer.get("/api/v1/agents").status()).isEqualTo(200);
    assertThat(asViewer.post("/api/v1/agents", Map.of("name", "nope")).status()).isEqualTo(403);
    assertThat(asViewer.post("/api/v1/agents/nope/chat", Map.of("message", "hi")).status())
        .isEqualTo(403);
  }

  @Test
  void aWorkflowCannotNameAnotherNamespacesAgent() {
    Api owner = admin.in("agents-owner");
    Map<String, Object> scribe = new java.util.HashMap<>(HELPER);
    scribe.put("name", "scribe");
    assertThat(owner.post("/api/v1/agents", scribe).status()).isEqualTo(201);
    String flow =
        """
        id: %s
        steps:
          - id: write
            type: agent
            agent: scribe@1
            input: {prompt: hi}
        """;

    Api.Response elsewhere =
        admin
            .in("agents-stranger")
            .postText("/api/v1/workflows", flow.formatted("borrow"), "application/yaml");
    assertThat(elsewhere.status()).isEqualTo(400);
    assertThat(elsewhere.json().get("detail").asString())
        .contains("step 'write'", "scribe", "does not have");
    Api.Response own =
        owner.postText("/api/v1/workflows", flow.formatted("own"), "application/yaml");
    assertThat(own.status()).as(own.body()).isEqualTo(201);
  }

  @Test
  void aTeamStepCannotHaveAnotherNamespacesAgentAmongItsMembers() {
    Api owner = admin.in("team-owner");
    Map<String, Object> critic = new java.util.HashMap<>(HELPER);
    critic.put("name", "critic");
    assertThat(owner.post("/api/v1/agents", critic).status()).isEqualTo(201);
    Api stranger = admin.in("team-stranger");
    Map<String, Object> poet = new java.util.HashMap<>(HELPER);
    poet.put("name", "poet");
    assertThat(stranger.post("/api/v1/agents", poet).status()).isEqualTo(201);
    String flow =
        """
        id: %s
        steps:
          - id: debate
            type: group-chat
            agents: [poet, critic]
            maxTurns: 2
            input: {prompt: hi}
        """;

    Api.Response borrowed =
        stranger.postText("/api/v1/workflows", flow.formatted("borrow-team"), "application/yaml");
    assertThat(borrowed.status()).isEqualTo(400);
    assertThat(borrowed.json().get("detail").asString())
        .contains("step 'debate'", "'critic'", "among its members", "does not have")
        .doesNotContain("'poet'");
    Api.Response own =
        owner.postText(
            "/api/v1/workflows",
            flow.formatted("own-team").replace("[poet, critic]", "[critic]"),
            "application/yaml");
    assertThat(own.status()).as(own.body()).isEqualTo(201);
  }
}
