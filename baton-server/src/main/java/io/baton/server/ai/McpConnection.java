package io.baton.server.ai;

import io.baton.ai.mcp.McpServerConfig;
import io.baton.ai.mcp.McpToolSource;
import io.baton.api.spi.Tool;
import java.time.Instant;
import java.util.List;

/**
 * One MCP server — added through the API (it belongs to the namespace that added it), or from the
 * AI configuration file (connected by {@code baton-ai}, shared, read-only) — and its connection.
 */
public final class McpConnection {
  private final McpServerConfig config;
  private final String namespace;
  private final Instant createdAt;
  private volatile McpToolSource source;
  private volatile List<Tool> tools = List.of();
  private volatile String error;

  McpConnection(McpServerConfig config, String namespace, Instant createdAt) {
    this.config = config;
    this.namespace = namespace;
    this.createdAt = createdAt;
  }

  /** A server of the AI configuration file, connected by {@code baton-ai} with {@code tools}. */
  static McpConnection fromConfiguration(McpServerConfig config, List<Tool> tools) {
    McpConnection c = new McpConnection(config, null, null);
    c.tools = List.copyOf(tools);
    return c;
  }

  /** Whether it comes from the configuration file (no namespace: every namespace sees it). */
  boolean fromConfiguration() {
    return namespace == null;
  }

  /**
   * A server as the API shows it: never the values of its environment (they may be keys).
   *
   * @param name the server's name, the prefix of its tools
   * @param transport {@code stdio}, {@code http} or {@code sse}
   * @param url the endpoint of an HTTP server, or null
   * @param command the command of a stdio server, or empty
   * @param environment the names of the variables set for a stdio server
   * @param timeoutMs the limit on one tool call
   * @param status {@code connected} or {@code error}
   * @param error why it is not connected, or null
   * @param tools the names of its tools
   * @param namespace who added it; null for a server of the configuration file
   * @param createdAt when; null for a server of the configuration file
   * @param source {@code api} (added through the API) or {@code config} (the AI configuration file:
   *     read-only)
   */
  public record View(
      String name,
      String transport,
      String url,
      List<String> command,
      List<String> environment,
      long timeoutMs,
      String status,
      String error,
      List<String> tools,
      String namespace,
      Instant createdAt,
      String source) {}

  View view() {
    return new View(
        config.name(),
        config.transport(),
        config.url(),
        config.command(),
        config.environment().keySet().stream().sorted().toList(),
        config.timeout().toMillis(),
        error == null ? "connected" : "error",
        error,
        tools.stream().map(Tool::name).toList(),
        namespace,
        createdAt,
        fromConfiguration() ? "config" : "api");
  }

  McpServerConfig config() {
    return config;
  }

  String namespace() {
    return namespace;
  }

  Instant createdAt() {
    return createdAt;
  }

  List<Tool> tools() {
    return tools;
  }

  String error() {
    return error;
  }

  void connected(McpToolSource connectedSource, List<Tool> connectedTools) {
    this.source = connectedSource;
    this.tools = List.copyOf(connectedTools);
    this.error = null;
  }

  void failed(String message) {
    this.error = message;
    this.tools = List.of();
  }

  void disconnect() {
    McpToolSource open = source;
    source = null;
    tools = List.of();
    if (open != null) {
      open.close();
    }
  }
}
