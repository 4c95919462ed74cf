package io.baton.server.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.McpTestServer;
import io.baton.server.support.ServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tools (list, invoke) and MCP servers (add, tools, use from a workflow, remove), each namespace
 * seeing only its own servers and their tools.
 */
class ToolAndMcpApiTest extends ServerTest {

  @Test
  void listsToolsWithSchemasAndInvokesOne() {
    JsonNode tools = admin.get("/api/v1/tools").json();
    assertThat(tools.valueStream().map(t -> t.get("name").asString()))
        .contains("echo", "fail", "http_request");
    Api.Response echoed =
        admin.post("/api/v1/tools/echo/invoke", Map.of("arguments", Map.of("a", 1)));
    assertThat(echoed.status()).as(echoed.body()).isEqualTo(200);
    assertThat(echoed.json().get("result").get("a").asInt()).isEqualTo(1);

    Api.Response failed = admin.post("/api/v1/tools/fail/invoke", Map.of("arguments", Map.of()));
    assertThat(failed.status()).isEqualTo(422);
    assertThat(failed.json().get("detail").asString()).contains("fail was asked to fail");
    assertThat(admin.post("/api/v1/tools/nope/invoke", Map.of()).status()).isEqualTo(404);
    assertThat(admin.post("/api/v1/tools/echo/invoke", Map.of("arguments", List.of(1))).status())
        .isEqualTo(400);
  }

  @Test
  void anMcpServerAddedThroughTheApiServesItsToolsToItsNamespaceOnly() throws Exception {
    try (McpTestServer mcp = McpTestServer.start()) {
      Api api = admin.in("mcp-flows");
      Api other = admin.in("mcp-other");
      String editor = newKey("mcp-editor", List.of("*:editor"));
      Map<String, Object> server = Map.of("name", "calc", "url", mcp.url(), "timeoutMs", 5000);
      assertThat(api.withKey(editor).post("/api/v1/mcp-servers", server).status()).isEqualTo(403);

      Api.Response added = api.post("/api/v1/mcp-servers", server);
      assertThat(added.status()).as(added.body()).isEqualTo(201);
      assertThat(added.json().get("status").asString()).isEqualTo("connected");
      assertThat(added.json().get("source").asString()).isEqualTo("api");
      assertThat(added.json().get("tools").get(0).asString()).isEqualTo("calc_add");
      assertThat(api.post("/api/v1/mcp-servers", server).status()).isEqualTo(409);
      JsonNode tools = api.get("/api/v1/mcp-servers/calc/tools").json();
      assertThat(tools.get(0).get("parameters").get("required").toString()).contains("a", "b");
      assertThat(api.get("/api/v1/tools/calc_add").json().get("source").asString())
          .isEqualTo("mcp:calc");

      Api.Response sum =
          api.post("/api/v1/tools/calc_add/invoke", Map.of("arguments", Map.of("a", 2, "b", 3)));
      assertThat(sum.status()).as(sum.body()).isEqualTo(200);
      assertThat(sum.json().get("result").asString()).isEqualTo("5");

      String flow =
          """
          id: %s
          steps:
            - id: add
              type: tool
              tool: calc_add
              input: {a: 40, b: 2}
          outputs:
            sum: ${steps.add.output}
          """;
      api.postText("/api/v1/workflows", flow.formatted("mcp-sum"), "application/yaml");
      String run = execute(api, "mcp-sum");
      assertThat(api.awaitStatus(run, "COMPLETED").get("outputs").get("sum").asString())
          .isEqualTo("42");
      assertThat(mcp.calls()).isEqualTo(2);

      // another namespace sees neither the server nor its tools, and its runs cannot call them
      assertThat(other.get("/api/v1/mcp-servers/calc").status()).isEqualTo(404);
      assertThat(other.get("/api/v1/mcp-servers/calc/tools").status()).isEqualTo(404);
      assertThat(other.delete("/api/v1/mcp-servers/calc").status()).isEqualTo(404);
      assertThat(other.get("/api/v1/mcp-servers").json().valueStream().map(v -> v.get("name")))
          .isEmpty();
      assertThat(other.get("/api/v1/tools").json().valueStream().map(t -> t.get("name").asString()))
          .contains("echo")
          .doesNotContain("calc_add");
      assertThat(other.get("/api/v1/tools/calc_add").status()).isEqualTo(404);
      assertThat(other.post("/api/v1/tools/calc_add/invoke", Map.of()).status()).isEqualTo(404);
      other.postText("/api/v1/workflows", flow.formatted("mcp-sum-other"), "application/yaml");
      JsonNode refused = other.awaitStatus(execute(other, "mcp-sum-other"), "FAILED");
      assertThat(refused.get("error").get("message").asString())
          .contains("calc_add", "not available");
      assertThat(mcp.calls()).isEqualTo(2);

      assertThat(api.delete("/api/v1/mcp-servers/calc").status()).isEqualTo(204);
      assertThat(api.get("/api/v1/mcp-servers/calc").status()).isEqualTo(404);
      assertThat(api.get("/api/v1/tools/calc_add").status()).isEqualTo(404);
      JsonNode failed = api.awaitStatus(execute(api, "mcp-sum"), "FAILED");
      assertThat(failed.get("error").get("message").asString()).contains("calc_add");
    }
  }

  private static String execute(Api api, String workflow) {
    return api.post("/api/v1/workflows/" + workflow + "/execute", Map.of("inputs", Map.of()))
        .json()
        .get("id")
        .asString();
  }

  @Test
  void anUnreachableOrMalformedMcpServerIsRefusedAndNotStored() {
    Api.Response unreachable =
        admin.post(
            "/api/v1/mcp-servers",
            Map.of("name", "down", "url", "http://127.0.0.1:9/mcp", "timeoutMs", 2000));
    assertThat(unreachable.status()).isEqualTo(422);
    assertThat(unreachable.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/url");
    assertThat(unreachable.json().get("detail").asString()).contains("down");
    assertThat(admin.get("/api/v1/mcp-servers/down").status()).isEqualTo(404);

    Api.Response both =
        admin.post(
            "/api/v1/mcp-servers",
            Map.of("name", "both", "url", "http://127.0.0.1:9/mcp", "command", List.of("x")));
    assertThat(both.status()).isEqualTo(400);
    Api.Response badName = admin.post("/api/v1/mcp-servers", Map.of("name", "a b", "url", "x"));
    assertThat(badName.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/name");
  }
}
