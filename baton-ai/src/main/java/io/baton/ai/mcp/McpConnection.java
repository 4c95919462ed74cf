package io.baton.ai.mcp;

import io.baton.ai.internal.JsonCodec;
import io.baton.ai.mcp.server.McpWorkflowServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one MCP server (the official MCP Java SDK's client over stdio, streamable HTTP or
 * HTTP+SSE) that reconnects: when a request fails because the connection is gone (the server's
 * process died, the HTTP server restarted and forgot the session), the client is rebuilt — a new
 * process, a new session — and the request is sent once more; a stdio server whose process has
 * ended is started again before the next request. An error the server answered ({@link McpError})
 * is not a connection failure and is not retried.
 *
 * <pre>{@code
 * try (McpConnection files = McpConnection.open(McpServerConfig.stdio("files", command))) {
 *   List<McpSchema.Resource> resources = files.resources();
 * }
 * }</pre>
 */
public final class McpConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(McpConnection.class);

  /** Where a call's idempotency key goes in the request's {@code _meta}. */
  public static final String IDEMPOTENCY_KEY = "io.baton/idempotency-key";

  private final McpServerConfig server;
  private final AtomicInteger reconnects = new AtomicInteger();
  private McpSyncClient client;
  private volatile AtomicBoolean processEnded = new AtomicBoolean();
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

  /** The server's tools (every page). */
  public List<McpSchema.Tool> tools() {
    return send(
        c -> {
          List<McpSchema.Tool> all = new ArrayList<>();
          String cursor = null;
          do {
            McpSchema.ListToolsResult page = c.listTools(cursor);
            all.addAll(page.tools());
            cursor = page.nextCursor();
          } while (cursor != null);
          return all;
        });
  }

  /**
   * Calls tool {@code name} with {@code argumentsJson}; {@code key} (the call's idempotency key) is
   * sent in the request's {@code _meta}.
   */
  public CallToolResult call(String name, String argumentsJson, String key) {
    McpSchema.CallToolRequest request =
        McpSchema.CallToolRequest.builder(name)
            .arguments(JsonCodec.readObject(argumentsJson))
            .meta(Map.of(IDEMPOTENCY_KEY, key))
            .build();
    return send(c -> c.callTool(request));
  }

  /** The text of a tool's result: its text contents, one a line. */
  public static String text(CallToolResult result) {
    return String.join(
        "\n",
        result.content().stream()
            .map(c -> c instanceof McpSchema.TextContent t ? t.text() : JsonCodec.write(c))
            .toList());
  }

  /** The server's resources. */
  public List<Resource> resources() {
    return send(c -> c.listResources().resources());
  }

  /** Reads the resource at {@code uri}. */
  public ReadResourceResult read(String uri) {
    return send(c -> c.readResource(new McpSchema.ReadResourceRequest(uri)));
  }

  /** The server's prompts. */
  public List<Prompt> prompts() {
    return send(c -> c.listPrompts().prompts());
  }

  /** Renders prompt {@code name} with {@code arguments}. */
  public GetPromptResult prompt(String name, Map<String, Object> arguments) {
    return send(c -> c.getPrompt(new McpSchema.GetPromptRequest(name, arguments)));
  }

  private <T> T send(Function<McpSyncClient, T> request) {
    McpSyncClient c = current();
    if (processEnded.get()) {
      // a stdio server's process that died would only answer with a timeout: start it again first
      LOG.info("MCP server '{}': its process ended; starting it again", server.name());
      c = reconnect(c);
    }
    try {
      return request.apply(c);
    } catch (McpError e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.info(
          "MCP server '{}': request failed ({}); reconnecting and sending it again",
          server.name(),
          e.toString());
      return request.apply(reconnect(c));
    }
  }

  private synchronized McpSyncClient current() {
    if (closed) {
      throw new IllegalStateException(
          "the connection to MCP server '" + server.name() + "' is closed");
    }
    if (client == null) {
      McpClientTransport transport = transport(server);
      McpSyncClient fresh =
          McpClient.sync(transport)
              .clientInfo(new McpSchema.Implementation("baton", McpWorkflowServer.version()))
              .requestTimeout(server.timeout())
              .initializationTimeout(server.timeout())
              .build();
      try {
        fresh.initialize();
      } catch (RuntimeException e) {
        fresh.close();
        throw e;
      }
      processEnded = watchExit(transport);
      client = fresh;
    }
    return client;
  }

  /** Rebuilds the client, unless another thread already replaced {@code failed}. */
  private synchronized McpSyncClient reconnect(McpSyncClient failed) {
    if (client == failed) {
      closeQuietly(client);
      client = null;
      reconnects.incrementAndGet();
    }
    return current();
  }

  /**
   * A flag set when a stdio server's process ends (the SDK does not say; a thread waits for it), so
   * that the next request starts it again instead of waiting for its timeout.
   */
  private AtomicBoolean watchExit(McpClientTransport transport) {
    AtomicBoolean ended = new AtomicBoolean();
    if (transport instanceof StdioClientTransport stdio) {
      Thread.ofVirtual()
          .name("mcp-" + server.name() + "-exit")
          .start(
              () -> {
                stdio.awaitForExit();
                ended.set(true);
              });
    }
    return ended;
  }

  private static McpClientTransport transport(McpServerConfig server) {
    return switch (server.transport()) {
      case "stdio" -> {
        StdioClientTransport stdio =
            new StdioClientTransport(
                ServerParameters.builder(server.command().getFirst())
                    .args(server.command().subList(1, server.command().size()))
                    .env(server.environment())
                    .build(),
                McpJsonDefaults.getMapper());
        stdio.setStdErrorHandler(line -> LOG.debug("MCP server '{}': {}", server.name(), line));
        yield stdio;
      }
      case "sse" ->
          HttpClientSseClientTransport.builder(origin(server.url()))
              .sseEndpoint(pathOf(server.url()))
              .jsonMapper(McpJsonDefaults.getMapper())
              .build();
      default ->
          HttpClientStreamableHttpTransport.builder(origin(server.url()))
              .endpoint(pathOf(server.url()))
              .jsonMapper(McpJsonDefaults.getMapper())
              .build();
    };
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static String pathOf(String url) {
    URI uri = URI.create(url);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  static String where(McpServerConfig server) {
    return server.url() != null ? server.url() : String.join(" ", server.command());
  }

  private void closeQuietly(McpSyncClient c) {
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
