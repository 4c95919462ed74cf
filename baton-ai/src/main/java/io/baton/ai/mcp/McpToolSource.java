package io.baton.ai.mcp;

import io.baton.api.spi.Tool;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Baton as an MCP client: connects to the configured MCP servers ({@link McpConnection}, which
 * reconnects) and offers each of their tools as a Baton tool named {@code <server>_<tool>}, with
 * the server's JSON Schema for its arguments. A server with resources adds {@code
 * <server>_list_resources} and {@code <server>_read_resource}; one with prompts adds {@code
 * <server>_list_prompts} and {@code <server>_get_prompt}. Agents and {@code tool} steps use them
 * like any tool.
 */
public final class McpToolSource implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(McpToolSource.class);

  private final List<McpServerConfig> servers;
  private final List<McpConnection> connections = new CopyOnWriteArrayList<>();

  /** A source of the tools of {@code servers}. */
  public McpToolSource(List<McpServerConfig> servers) {
    this.servers = List.copyOf(servers);
  }

  /**
   * Connects to every server and lists its tools.
   *
   * @throws IllegalArgumentException naming the server that cannot be reached
   */
  public List<Tool> connect() {
    List<Tool> tools = new ArrayList<>();
    for (McpServerConfig server : servers) {
      tools.addAll(connect(server));
    }
    return tools;
  }

  /** Connects to one server and lists its tools, resources and prompts as tools. */
  public List<Tool> connect(McpServerConfig server) {
    McpConnection connection = McpConnection.open(server);
    connections.add(connection);
    List<Tool> tools = new ArrayList<>();
    List<McpSchema.Tool> specs;
    try {
      specs = connection.tools();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot list the tools of MCP server '"
              + server.name()
              + "' ("
              + McpConnection.where(server)
              + "): "
              + e.getMessage(),
          e);
    }
    specs.forEach(
        spec ->
            tools.add(
                McpTools.tool(
                    connection,
                    spec.name(),
                    spec.inputSchema() == null ? Map.of() : spec.inputSchema(),
                    spec.description())));
    if (offers(server, "resources", connection::resources)) {
      tools.addAll(McpTools.resourceTools(connection));
    }
    if (offers(server, "prompts", connection::prompts)) {
      tools.addAll(McpTools.promptTools(connection));
    }
    LOG.info(
        "MCP server '{}': {} tools ({} with resources and prompts)",
        server.name(),
        specs.size(),
        tools.size());
    return tools;
  }

  /** The open connection to server {@code name}. */
  public Optional<McpConnection> connection(String name) {
    return connections.stream().filter(c -> c.server().name().equals(name)).findFirst();
  }

  /**
   * Whether the server answers a list request of {@code what} (servers need not offer them; one
   * that does not may answer with an error or with a result that lacks the list, which the client
   * reports as a plain runtime exception).
   */
  private static boolean offers(McpServerConfig server, String what, Runnable list) {
    try {
      list.run();
      return true;
    } catch (RuntimeException e) {
      LOG.debug("MCP server '{}' offers no {}: {}", server.name(), what, e.getMessage());
      return false;
    }
  }

  /** Closes every connection (stdio servers' processes end). */
  @Override
  public void close() {
    connections.forEach(McpConnection::close);
    connections.clear();
  }
}
