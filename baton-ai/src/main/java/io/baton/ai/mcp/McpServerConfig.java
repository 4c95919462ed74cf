package io.baton.ai.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An MCP server whose tools become Baton tools, named {@code <server>_<tool>}: started as a process
 * speaking over stdio ({@code command}), or reached over streamable HTTP ({@code url}) or the older
 * HTTP+SSE transport ({@code url} with {@code transport: sse}).
 *
 * <pre>{@code
 * mcpServers:
 *   files: {command: [npx, -y, "@modelcontextprotocol/server-filesystem", /data]}
 *   search: {url: http://localhost:3001/mcp}
 * }</pre>
 *
 * @param name the server's name, the prefix of its tools' names
 * @param command the command and arguments of a stdio server, or empty
 * @param environment extra environment variables of a stdio server
 * @param url the endpoint of an HTTP server, or null
 * @param transport {@code stdio}, {@code http} (streamable HTTP) or {@code sse}
 * @param timeout the limit on one tool call
 */
public record McpServerConfig(
    String name,
    List<String> command,
    Map<String, String> environment,
    String url,
    String transport,
    Duration timeout) {

  public McpServerConfig {
    Objects.requireNonNull(name, "name");
    command = command == null ? List.of() : List.copyOf(command);
    environment = environment == null ? Map.of() : Map.copyOf(environment);
    timeout = Objects.requireNonNullElse(timeout, Duration.ofSeconds(60));
    if (command.isEmpty() == (url == null)) {
      throw new IllegalArgumentException(
          "MCP server '" + name + "' needs either command (stdio) or url (HTTP), not both");
    }
    transport = transport != null ? transport : command.isEmpty() ? "http" : "stdio";
    if (!List.of("stdio", "http", "sse").contains(transport)) {
      throw new IllegalArgumentException(
          "MCP server '" + name + "': transport is stdio, http or sse, found " + transport);
    }
  }

  /** A stdio server. */
  public static McpServerConfig stdio(String name, List<String> command) {
    return new McpServerConfig(name, command, Map.of(), null, "stdio", null);
  }

  /** A streamable-HTTP server. */
  public static McpServerConfig http(String name, String url) {
    return new McpServerConfig(name, List.of(), Map.of(), url, "http", null);
  }
}
