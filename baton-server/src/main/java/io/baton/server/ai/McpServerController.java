package io.baton.server.ai;

import io.baton.server.audit.AuditLog;
import io.baton.server.security.Caller;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * MCP servers (seed 002's tool registry with MCP) of the caller's namespace, and those of the AI
 * configuration file (read-only): list, add (connects and lists its tools), get, its tools,
 * reconnect, delete → 204. Adding and removing need {@code admin}: a stdio server is a process the
 * server starts.
 */
@RestController
public class McpServerController {
  private final McpServers servers;
  private final AuditLog audit;

  McpServerController(McpServers servers, AuditLog audit) {
    this.servers = servers;
    this.audit = audit;
  }

  /** The servers of the caller's namespace and those of the AI configuration file. */
  @GetMapping("/api/v1/mcp-servers")
  public List<McpConnection.View> list(Caller caller) {
    return servers.list(caller.namespace());
  }

  /** Adds and connects a server → 201 with its tools. */
  @PostMapping("/api/v1/mcp-servers")
  public ResponseEntity<McpConnection.View> add(
      Caller caller, @RequestBody Map<String, Object> body) {
    McpConnection.View server = servers.add(caller, body);
    audit.record(caller, "mcp-server.add", "mcp-server", server.name(), null, server);
    return ResponseEntity.created(URI.create("/api/v1/mcp-servers/" + server.name())).body(server);
  }

  /** One server. */
  @GetMapping("/api/v1/mcp-servers/{name}")
  public McpConnection.View get(Caller caller, @PathVariable String name) {
    return servers.get(caller.namespace(), name);
  }

  /** A server's tools, as agents see them ({@code <server>_<tool>}). */
  @GetMapping("/api/v1/mcp-servers/{name}/tools")
  public List<Map<String, Object>> tools(Caller caller, @PathVariable String name) {
    return servers.tools(caller.namespace(), name);
  }

  /** Connects again → the server's view. */
  @PostMapping("/api/v1/mcp-servers/{name}/reconnect")
  public McpConnection.View reconnect(Caller caller, @PathVariable String name) {
    McpConnection.View server = servers.reconnect(caller.namespace(), name);
    audit.record(caller, "mcp-server.reconnect", "mcp-server", name, null, server);
    return server;
  }

  /** Disconnects and removes a server → 204. */
  @DeleteMapping("/api/v1/mcp-servers/{name}")
  public ResponseEntity<Void> delete(Caller caller, @PathVariable String name) {
    McpConnection.View gone = servers.remove(caller.namespace(), name);
    audit.record(caller, "mcp-server.delete", "mcp-server", name, gone, null);
    return ResponseEntity.noContent().build();
  }
}
