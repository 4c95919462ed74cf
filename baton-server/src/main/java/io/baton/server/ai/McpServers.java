package io.baton.server.ai;

import io.baton.ai.AiConfig;
import io.baton.ai.BatonAi;
import io.baton.ai.mcp.McpServerConfig;
import io.baton.ai.mcp.McpToolSource;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.Tool;
import io.baton.api.time.TimeSource;
import io.baton.server.api.ApiDiagnostic;
import io.baton.server.api.ApiError;
import io.baton.server.execution.ExecutionIndex;
import io.baton.server.secrets.SecretStore;
import io.baton.server.security.Caller;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * MCP servers added through the API: connected with {@code baton-ai}'s MCP client ({@link
 * McpToolSource}), their tools offered to agents and {@code tool} steps as {@code <server>_<tool>},
 * stored in {@code srv_mcp_server} and connected again on start (a server that cannot be reached
 * then is listed with its error and can be reconnected). Removing a server closes its connection (a
 * stdio server's process ends) and withdraws its tools.
 *
 * <p>A server added through the API belongs to its namespace: only that namespace lists it, reads
 * it and sees its tools — through the API and in its runs (a run of another namespace that calls
 * one fails as NOT_FOUND). Server names stay unique across namespaces, since tool names carry them.
 * The servers of the AI configuration file, connected by {@code baton-ai} itself, are listed to
 * every namespace, read-only, as {@code source: config}.
 */
@Component
public class McpServers implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(McpServers.class);

  private final JdbcClient jdbc;
  private final BatonAi ai;
  private final TimeSource clock;
  private final SecretStore secrets;
  private final JsonMapper json = JsonMapper.builder().build();
  private final ExecutionIndex index;
  private final Map<String, McpConnection> connections = new ConcurrentHashMap<>();
  private final Map<String, McpConnection> configured = new java.util.LinkedHashMap<>();

  McpServers(
      JdbcClient jdbc,
      BatonAi ai,
      AiConfig config,
      TimeSource clock,
      SecretStore secrets,
      ExecutionIndex index) {
    this.secrets = secrets;
    this.jdbc = jdbc;
    this.ai = ai;
    this.clock = clock;
    this.index = index;
    for (McpServerConfig server : config.mcpServers()) {
      List<Tool> tools =
          ai.tools().all().values().stream()
              .filter(t -> t.name().startsWith(server.name() + "_"))
              .toList();
      configured.put(server.name(), McpConnection.fromConfiguration(server, tools));
    }
    jdbc.sql("select name, namespace, config_json, created_at from srv_mcp_server order by name")
        .query(
            (rs, n) ->
                new McpConnection(
                    McpServerRequest.config(
                        json.readValue(rs.getString("config_json"), new TypeReference<>() {})),
                    rs.getString("namespace"),
                    rs.getTimestamp("created_at").toInstant()))
        .list()
        .forEach(
            c -> {
              connections.put(c.config().name(), c);
              connect(c);
            });
  }

  /** The servers {@code namespace} sees, by name: the configuration's and its own. */
  public List<McpConnection.View> list(String namespace) {
    return java.util.stream.Stream.concat(
            configured.values().stream(),
            connections.values().stream().filter(c -> c.namespace().equals(namespace)))
        .sorted(java.util.Comparator.comparing(c -> c.config().name()))
        .map(McpConnection::view)
        .toList();
  }

  /** One server {@code namespace} sees. */
  public McpConnection.View get(String namespace, String name) {
    return server(namespace, name).view();
  }

  /** A server's tools: name, description, parameters. */
  public List<Map<String, Object>> tools(String namespace, String name) {
    return server(namespace, name).tools().stream().map(ToolController::describe).toList();
  }

  /**
   * Adds and connects a server ({@link McpServerRequest}) → its view; 422 when it cannot be reached
   * (nothing is stored), 409 when the name is taken.
   */
  public McpConnection.View add(Caller caller, Map<String, Object> body) {
    McpServerConfig config = McpServerRequest.config(body);
    McpConnection connection = new McpConnection(config, caller.namespace(), clock.now());
    if (configured.containsKey(config.name())
        || connections.putIfAbsent(config.name(), connection) != null) {
      throw ApiError.conflict("an MCP server named '" + config.name() + "' exists already");
    }
    connect(connection);
    if (connection.error() != null) {
      connections.remove(config.name());
      throw new ApiError(
          HttpStatus.UNPROCESSABLE_CONTENT,
          connection.error(),
          List.of(ApiDiagnostic.error("mcp-unreachable", connection.error(), pointer(config))));
    }
    jdbc.sql(
            "insert into srv_mcp_server (name, namespace, config_json, created_by, created_at)"
                + " values (:n, :ns, :c, :by, :at)")
        .param("n", config.name())
        .param("ns", caller.namespace())
        .param("c", json.writeValueAsString(McpServerRequest.stored(config)))
        .param("by", caller.subject())
        .param("at", Timestamp.from(connection.createdAt()))
        .update();
    return connection.view();
  }

  private static String pointer(McpServerConfig config) {
    return config.url() != null ? "/url" : "/command";
  }

  /** Connects a server again (after it was unreachable, or to see new tools) → its view. */
  public McpConnection.View reconnect(String namespace, String name) {
    McpConnection connection = own(namespace, name);
    withdraw(connection);
    connect(connection);
    return connection.view();
  }

  /** Disconnects and forgets a server → what it was. */
  public McpConnection.View remove(String namespace, String name) {
    McpConnection connection = own(namespace, name);
    McpConnection.View before = connection.view();
    withdraw(connection);
    connections.remove(name);
    jdbc.sql("delete from srv_mcp_server where name = :n").param("n", name).update();
    return before;
  }

  /** The server whose tool {@code toolName} is, or null. */
  String serverOf(String toolName) {
    McpConnection c = connectionOf(toolName);
    return c == null ? null : c.config().name();
  }

  /**
   * Whether {@code namespace} may see and call tool {@code toolName}: every tool but those of
   * another namespace's MCP servers.
   */
  boolean visible(String toolName, String namespace) {
    McpConnection c = connectionOf(toolName);
    return c == null || c.fromConfiguration() || c.namespace().equals(namespace);
  }

  private McpConnection connectionOf(String toolName) {
    for (McpConnection c : configured.values()) {
      if (c.tools().stream().anyMatch(t -> t.name().equals(toolName))) {
        return c;
      }
    }
    for (McpConnection c : connections.values()) {
      if (c.tools().stream().anyMatch(t -> t.name().equals(toolName))) {
        return c;
      }
    }
    return null;
  }

  /** A server {@code namespace} sees; 404 for another namespace's. */
  private McpConnection server(String namespace, String name) {
    McpConnection connection = configured.get(name);
    if (connection != null) {
      return connection;
    }
    connection = connections.get(name);
    if (connection == null || !connection.namespace().equals(namespace)) {
      throw ApiError.notFound("MCP server", name);
    }
    return connection;
  }

  /** A server {@code namespace} added; 409 for one of the configuration file. */
  private McpConnection own(String namespace, String name) {
    McpConnection connection = server(namespace, name);
    if (connection.fromConfiguration()) {
      throw ApiError.conflict(
          "MCP server '" + name + "' comes from the AI configuration file; change it there");
    }
    return connection;
  }

  private void connect(McpConnection connection) {
    McpToolSource source = new McpToolSource(List.of(connection.config()));
    try {
      List<Tool> tools = source.connect(resolved(connection));
      connection.connected(source, tools);
      tools.forEach(t -> ai.tool(live(connection.config().name(), t)));
    } catch (RuntimeException e) {
      source.close();
      connection.failed(e.getMessage());
      LOG.warn("MCP server '{}' cannot be reached: {}", connection.config().name(), e.getMessage());
    }
  }

  /**
   * The configuration with each environment value written {@code secret:NAME} replaced by the
   * secret of the namespace that added the server (only the reference is stored).
   */
  private McpServerConfig resolved(McpConnection connection) {
    McpServerConfig c = connection.config();
    Map<String, String> environment = new java.util.LinkedHashMap<>();
    c.environment()
        .forEach(
            (key, value) -> {
              if (value.startsWith("secret:")) {
                String name = value.substring("secret:".length());
                value =
                    secrets
                        .reveal(connection.namespace(), name)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "environment "
                                        + key
                                        + " names secret '"
                                        + name
                                        + "', which namespace "
                                        + connection.namespace()
                                        + " does not have"));
              }
              environment.put(key, value);
            });
    return new McpServerConfig(
        c.name(), c.command(), environment, c.url(), c.transport(), c.timeout());
  }

  private void withdraw(McpConnection connection) {
    connection.tools().forEach(t -> ai.tools().remove(t.name()));
    connection.disconnect();
  }

  /**
   * The tool as registered with the engine, which cannot unregister tools: it calls the server's
   * current tool, and fails as NOT_FOUND once the server is removed.
   */
  private Tool live(String server, Tool tool) {
    String name = tool.name();
    return new Tool() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return tool.description();
      }

      @Override
      public Map<String, Object> parameters() {
        return tool.parameters();
      }

      @Override
      public Object invoke(Map<String, Object> arguments, StepContext context) throws Exception {
        McpConnection now = connections.get(server);
        if (now != null && !now.namespace().equals(namespaceOf(context))) {
          throw new StepException(
              ErrorKind.NOT_FOUND, "tool " + name + " is not available in this run's namespace");
        }
        Tool current =
            now == null
                ? null
                : now.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
        if (current == null) {
          throw new StepException(
              ErrorKind.NOT_FOUND,
              "tool " + name + " is gone: MCP server '" + server + "' was removed or disconnected");
        }
        return current.invoke(arguments, context);
      }
    };
  }

  /** The namespace of the caller or run a tool is called for, or null when unknown. */
  private String namespaceOf(StepContext context) {
    if (context instanceof ApiToolContext api) {
      return api.namespace();
    }
    return index.find(context.runId()).map(ExecutionIndex.Entry::namespace).orElse(null);
  }

  @Override
  public void destroy() {
    connections.values().forEach(McpConnection::disconnect);
  }
}
