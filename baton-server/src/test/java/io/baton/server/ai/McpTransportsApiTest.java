package io.baton.server.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.NpmMcpServers;
import io.baton.server.support.RunningServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * MCP through the server with the reference servers from npm: one from the AI configuration file
 * (listed to every namespace, read-only), one added over stdio and one over HTTP+SSE, their tools
 * called through the API.
 */
class McpTransportsApiTest {
  @TempDir Path data;

  @Test
  void configuredStdioAndSseServersAreListedAndServeTheirTools() throws Exception {
    List<String> stdio = NpmMcpServers.everything("stdio");
    Path config = data.resolve("ai.yaml");
    Files.writeString(
        config,
        "mcpServers:\n  configured: {command: ["
            + String.join(", ", stdio.stream().map(c -> "\"" + c + "\"").toList())
            + "]}\n");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process sse = NpmMcpServers.sse(port);
    try (RunningServer server =
        RunningServer.start(
            Map.of(
                "baton.store.location", "mem:",
                "baton.data", data.toString(),
                "baton.ai.config-file", config.toString()))) {
      Api a = server.admin().in("mcp-a");
      Api b = server.admin().in("mcp-b");

      JsonNode listed = b.get("/api/v1/mcp-servers").json();
      assertThat(listed).hasSize(1);
      assertThat(listed.get(0).get("name").asString()).isEqualTo("configured");
      assertThat(listed.get(0).get("source").asString()).isEqualTo("config");
      assertThat(listed.get(0).get("transport").asString()).isEqualTo("stdio");
      assertThat(listed.get(0).get("tools").toString()).contains("configured_echo");
      assertThat(b.delete("/api/v1/mcp-servers/configured").status()).isEqualTo(409);
      assertThat(echo(b, "configured_echo", "from config")).contains("from config");

      Api.Response overStdio =
          a.post("/api/v1/mcp-servers", Map.of("name", "local", "command", stdio));
      assertThat(overStdio.status()).as(overStdio.body()).isEqualTo(201);
      Api.Response overSse =
          a.post(
              "/api/v1/mcp-servers",
              Map.of(
                  "name",
                  "remote",
                  "url",
                  "http://127.0.0.1:" + port + "/sse",
                  "transport",
                  "sse"));
      assertThat(overSse.status()).as(overSse.body()).isEqualTo(201);
      assertThat(overSse.json().get("transport").asString()).isEqualTo("sse");

      assertThat(
              a.get("/api/v1/mcp-servers").json().valueStream().map(s -> s.get("name").asString()))
          .containsExactly("configured", "local", "remote");
      assertThat(echo(a, "local_echo", "over stdio")).contains("over stdio");
      assertThat(echo(a, "remote_echo", "over sse")).contains("over sse");
      assertThat(b.get("/api/v1/mcp-servers").json()).hasSize(1);
      assertThat(b.post("/api/v1/tools/remote_echo/invoke", Map.of()).status()).isEqualTo(404);
    } finally {
      sse.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static String echo(Api api, String tool, String message) {
    Api.Response r =
        api.post(
            "/api/v1/tools/" + tool + "/invoke", Map.of("arguments", Map.of("message", message)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("result").toString();
  }
}
