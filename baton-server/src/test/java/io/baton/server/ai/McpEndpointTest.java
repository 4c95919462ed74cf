package io.baton.server.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.ServerTest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server's streamable-HTTP MCP endpoint, spoken to by the official MCP Java SDK's client with
 * an API key: a namespace's published workflows are its tools, a call is an execution of the
 * namespace, a failing run is a tool error, bad arguments are refused, and no key means no access.
 */
class McpEndpointTest extends ServerTest {
  private static final String ADD =
      """
      id: mcp-add
      description: Adds two integers.
      inputs:
        type: object
        required: [a, b]
        properties: {a: {type: integer}, b: {type: integer}}
      steps:
        - {id: sum, type: transform, expression: "inputs.a + inputs.b"}
      outputs:
        sum: ${steps.sum.output}
      """;

  private McpSyncClient client(String key, String namespace) {
    var transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
            .endpoint(McpEndpoint.PATH)
            .jsonMapper(McpJsonDefaults.getMapper())
            .requestBuilder(
                HttpRequest.newBuilder()
                    .header("X-API-Key", key)
                    .header("X-Baton-Namespace", namespace))
            .build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
    client.initialize();
    return client;
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().getFirst()).text();
  }

  @Test
  void theNamespacesPublishedWorkflowsAreToolsThatRunAsExecutions() {
    Api ns = admin.in("mcp-ns");
    ns.postText("/api/v1/workflows", ADD, "application/yaml");
    ns.postText(
        "/api/v1/workflows",
        "id: mcp-draft\nsteps:\n  - {id: a, type: transform, value: 1}\n",
        "application/yaml");
    ns.postText(
        "/api/v1/workflows",
        """
        id: mcp-broken
        inputs: {type: object, properties: {order: {type: object}}}
        steps:
          - {id: read_order, type: transform, expression: "inputs.order.id"}
        """,
        "application/yaml");
    assertThat(ns.post("/api/v1/workflows/mcp-add/publish", Map.of()).status()).isEqualTo(200);
    ns.post("/api/v1/workflows/mcp-broken/publish", Map.of());
    Api other = admin.in("mcp-other");
    other.postText(
        "/api/v1/workflows",
        "id: mcp-elsewhere\nsteps:\n  - {id: a, type: transform, value: 1}\n",
        "application/yaml");
    other.post("/api/v1/workflows/mcp-elsewhere/publish", Map.of());
    String operator = newKey("mcp-operator", List.of("mcp-ns:operator"));
    McpSyncClient elsewhere = client(ADMIN_KEY, "mcp-other");
    try {
      assertThat(elsewhere.listTools().tools())
          .extracting(Tool::name)
          .containsExactly("mcp-elsewhere");
    } finally {
      elsewhere.closeGracefully();
    }

    McpSyncClient client = client(operator, "mcp-ns");
    try {
      List<Tool> tools = client.listTools().tools();
      assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrder("mcp-add", "mcp-broken");
      Tool add = tools.stream().filter(t -> t.name().equals("mcp-add")).findFirst().orElseThrow();
      assertThat(add.description()).isEqualTo("Adds two integers.");
      assertThat(add.inputSchema()).containsEntry("required", List.of("a", "b"));

      CallToolResult sum =
          client.callTool(
              CallToolRequest.builder("mcp-add").arguments(Map.of("a", 40, "b", 2)).build());
      assertThat(sum.isError()).as(text(sum)).isFalse();
      assertThat(sum.structuredContent()).isEqualTo(Map.of("sum", 42));
      assertThat(ns.get("/api/v1/executions?workflowId=mcp-add").json().get("total").asLong())
          .as("the call is an execution of the namespace")
          .isEqualTo(1);

      CallToolResult broken =
          client.callTool(
              CallToolRequest.builder("mcp-broken").arguments(Map.of("order", Map.of())).build());
      assertThat(broken.isError()).isTrue();
      assertThat(text(broken)).contains("failed at step 'read_order'");

      CallToolResult bad =
          client.callTool(CallToolRequest.builder("mcp-add").arguments(Map.of("a", "x")).build());
      assertThat(bad.isError()).isTrue();
      assertThat(text(bad)).startsWith("invalid arguments for tool 'mcp-add': ").contains("/a: ");

      CallToolResult foreign =
          client.callTool(CallToolRequest.builder("mcp-elsewhere").arguments(Map.of()).build());
      assertThat(foreign.isError()).as("another namespace's workflow").isTrue();
      assertThat(text(foreign))
          .startsWith("tool 'mcp-elsewhere' refused the call: ")
          .contains("mcp-elsewhere");
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void withoutAnApiKeyTheEndpointRefuses() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + McpEndpoint.PATH))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
  }
}
