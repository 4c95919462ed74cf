package io.baton.ai.mcp;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.McpException;
import dev.langchain4j.mcp.client.McpGetPromptResult;
import dev.langchain4j.mcp.client.McpPrompt;
import dev.langchain4j.mcp.client.McpReadResourceResult;
import dev.langchain4j.mcp.client.McpResource;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.mcp.client.transport.http.HttpMcpTransport;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one MCP server (LangChain4j's MCP client over stdio, streamable HTTP or HTTP+SSE)
 * that reconnects: when a request fails because the connection is gone (the server's process died,
 * the HTTP server restarted and forgot the session), the client is rebuilt — a new process, a new
 * session — and the request is sent once more; a stdio server whose process has ended is started
 * again before the next request. An error the server answered ({@link McpException}) is not a
 * connection failure and is not retried.
 *
 * <pre>{@code
 * try (McpConnection files = McpConnection.open(McpServerConfig.stdio("files", command))) {
 *   List<McpResource> resources = files.resources();
 * }
 * }</pre>
 */
public final class McpConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(McpConnection.class);

  private final McpServerConfig server;
  private final AtomicInteger reconnects = new AtomicInteger();
  private McpClient client;
  private McpTransport transport;
  private boolean closed;

  private McpConnection(McpServerConfig server) {
    this.server = server;
  }

  /**
   * Connects to {@code server} (initialising the MCP session).
   *
   * @throws IllegalArgumentException naming the server when it cannot be reached
   */
  public static McpConnection open(McpServerConfig server) {
    McpConnection connection = new McpConnection(server);
    try {
      connection.current();
    } catch (RuntimeException e) {
      connection.close();
      throw new IllegalArgumentException(
          "cannot connect to MCP server '"
              + server.name()
              + "' ("
              + where(server)
              + "): "
              + e.getMessage(),
          e);
    }
    return connection;
  }

  /** The server's configuration. */
  public McpServerConfig server() {
    return server;
  }

  /** How many times the connection was rebuilt after a failure. */
  public int reconnects() {
    return reconnects.get();
  }

  /** The server's tools. */
  public List<ToolSpecification> tools() {
    return send(McpClient::listTools);
  }

  /** Calls tool {@code name} with {@code argumentsJson}; {@code id} names the call. */
  public ToolExecutionResult call(String name, String argumentsJson, String id) {
    ToolExecutionRequest request =
        ToolExecutionRequest.builder().id(id).name(name).arguments(argumentsJson).build();
    return send(c -> c.executeTool(request));
  }

  /** The server's resources. */
  public List<McpResource> resources() {
    return send(McpClient::listResources);
  }

  /** Reads the resource at {@code uri}. */
  public McpReadResourceResult read(String uri) {
    return send(c -> c.readResource(uri));
  }

  /** The server's prompts. */
  public List<McpPrompt> prompts() {
    return send(McpClient::listPrompts);
  }

  /** Renders prompt {@code name} with {@code arguments}. */
  public McpGetPromptResult prompt(String name, Map<String, Object> arguments) {
    return send(c -> c.getPrompt(name, arguments));
  }

  private <T> T send(Function<McpClient, T> request) {
    McpClient c = current();
    if (processEnded()) {
      // a stdio server's process that died would only answer with a timeout: start it again first
      LOG.info("MCP server '{}': its process ended; starting it again", server.name());
      c = reconnect(c);
    }
    try {
      return request.apply(c);
    } catch (McpException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.info(
          "MCP server '{}': request failed ({}); reconnecting and sending it again",
          server.name(),
          e.toString());
      return request.apply(reconnect(c));
    }
  }

  private synchronized McpClient current() {
    if (closed) {
      throw new IllegalStateException(
          "the connection to MCP server '" + server.name() + "' is closed");
    }
    if (client == null) {
      transport = transport(server);
      client =
          DefaultMcpClient.builder()
              .key(server.name())
              .clientName("baton")
              .transport(transport)
              .toolExecutionTimeout(server.timeout())
              .initializationTimeout(server.timeout())
              .resourcesTimeout(server.timeout())
              .promptsTimeout(server.timeout())
              .autoHealthCheck(false)
              .build();
    }
    return client;
  }

  private synchronized boolean processEnded() {
    return transport instanceof StdioMcpTransport stdio
        && stdio.getProcess() != null
        && !stdio.getProcess().isAlive();
  }

  /** Rebuilds the client, unless another thread already replaced {@code failed}. */
  private synchronized McpClient reconnect(McpClient failed) {
    if (client == failed) {
      closeQuietly(client);
      client = null;
      reconnects.incrementAndGet();
    }
    return current();
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

  static String where(McpServerConfig server) {
    return server.url() != null ? server.url() : String.join(" ", server.command());
  }

  private void closeQuietly(McpClient c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.debug("closing the client of MCP server '{}' failed", server.name(), e);
    }
  }

  /** Closes the connection (a stdio server's process ends). */
  @Override
  public synchronized void close() {
    closed = true;
    if (client != null) {
      closeQuietly(client);
      client = null;
    }
  }
}
