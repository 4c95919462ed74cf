package io.baton.ai.mcp;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.mcp.client.transport.http.HttpMcpTransport;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import io.baton.ai.internal.JsonCodec;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Baton as an MCP client: connects to the configured MCP servers (through LangChain4j's MCP client)
 * and offers each of their tools as a Baton tool named {@code <server>_<tool>}, with the server's
 * JSON Schema for its arguments.
 */
public final class McpToolSource implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(McpToolSource.class);

  private final List<McpServerConfig> servers;
  private final List<McpClient> clients = new CopyOnWriteArrayList<>();

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

  /** Connects to one server and lists its tools. */
  public List<Tool> connect(McpServerConfig server) {
    McpClient client;
    List<ToolSpecification> specs;
    try {
      client =
          DefaultMcpClient.builder()
              .key(server.name())
              .clientName("baton")
              .transport(transport(server))
              .toolExecutionTimeout(server.timeout())
              .initializationTimeout(server.timeout())
              .build();
      specs = client.listTools();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot connect to MCP server '"
              + server.name()
              + "' ("
              + (server.url() != null ? server.url() : String.join(" ", server.command()))
              + "): "
              + e.getMessage(),
          e);
    }
    clients.add(client);
    LOG.info("MCP server '{}': {} tools", server.name(), specs.size());
    return specs.stream().map(spec -> tool(server.name(), client, spec)).toList();
  }

  private static McpTransport transport(McpServerConfig server) {
    return switch (server.transport()) {
      case "stdio" ->
          StdioMcpTransport.builder()
              .command(server.command())
              .environment(server.environment())
              .build();
      case "sse" ->
          HttpMcpTransport.builder().sseUrl(server.url()).timeout(server.timeout()).build();
      default ->
          StreamableHttpMcpTransport.builder().url(server.url()).timeout(server.timeout()).build();
    };
  }

  @SuppressWarnings("unchecked")
  private static Tool tool(String server, McpClient client, ToolSpecification spec) {
    Map<String, Object> json = (Map<String, Object>) JsonCodec.read(spec.toJson());
    Map<String, Object> parameters =
        json.get("parameters") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
    String name = server + "_" + spec.name();
    String description =
        spec.description() == null ? "MCP tool " + spec.name() : spec.description();
    return new Tool() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public Map<String, Object> parameters() {
        return parameters;
      }

      @Override
      public Object invoke(Map<String, Object> arguments, StepContext context) {
        ToolExecutionResult result =
            client.executeTool(
                ToolExecutionRequest.builder()
                    .id(context.idempotencyKey())
                    .name(spec.name())
                    .arguments(JsonCodec.write(arguments))
                    .build());
        if (result.isError()) {
          throw new StepException(
              ErrorKind.BAD_INPUT, "MCP tool " + name + " failed: " + result.resultText());
        }
        return result.resultText();
      }
    };
  }

  /** Closes every connection (stdio servers' processes end). */
  @Override
  public void close() {
    for (McpClient client : clients) {
      try {
        client.close();
      } catch (Exception e) {
        LOG.warn("closing an MCP client failed", e);
      }
    }
    clients.clear();
  }
}
