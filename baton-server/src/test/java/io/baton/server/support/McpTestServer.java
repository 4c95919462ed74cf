package io.baton.server.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A small MCP server over streamable HTTP (JSON responses), on loopback, with one tool: {@code
 * add(a, b)} answers the sum as text. Enough of the protocol for a client to initialise, list tools
 * and call them: {@code initialize}, {@code notifications/initialized}, {@code ping}, {@code
 * tools/list}, {@code tools/call}.
 */
public final class McpTestServer implements AutoCloseable {
  private final HttpServer http;
  private final AtomicInteger calls = new AtomicInteger();

  private McpTestServer(HttpServer http) {
    this.http = http;
  }

  /** Starts it on a free port. */
  public static McpTestServer start() throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    McpTestServer server = new McpTestServer(http);
    http.createContext("/mcp", server::handle);
    http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    http.start();
    return server;
  }

  /** Its endpoint. */
  public String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/mcp";
  }

  /** How many tool calls it answered. */
  public int calls() {
    return calls.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      JsonNode request = Api.JSON.readTree(exchange.getRequestBody().readAllBytes());
      if (!request.has("id") || request.get("id").isNull()) {
        exchange.sendResponseHeaders(202, -1);
        return;
      }
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("jsonrpc", "2.0");
      response.put("id", Api.JSON.treeToValue(request.get("id"), Object.class));
      response.put("result", result(request));
      byte[] body = Api.JSON.writeValueAsBytes(response);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("Mcp-Session-Id", "baton-test-session");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private Object result(JsonNode request) {
    return switch (request.get("method").asString()) {
      case "initialize" ->
          Map.of(
              "protocolVersion",
              request.path("params").path("protocolVersion").asString("2025-03-26"),
              "capabilities",
              Map.of("tools", Map.of()),
              "serverInfo",
              Map.of("name", "baton-test", "version", "1"));
      case "tools/list" ->
          Map.of(
              "tools",
              List.of(
                  Map.of(
                      "name",
                      "add",
                      "description",
                      "Adds two numbers",
                      "inputSchema",
                      Map.of(
                          "type",
                          "object",
                          "required",
                          List.of("a", "b"),
                          "properties",
                          Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number"))))));
      case "tools/call" -> {
        calls.incrementAndGet();
        JsonNode args = request.path("params").path("arguments");
        long sum = args.path("a").asLong() + args.path("b").asLong();
        yield Map.of(
            "content",
            List.of(Map.of("type", "text", "text", String.valueOf(sum))),
            "isError",
            false);
      }
      default -> Map.of();
    };
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
