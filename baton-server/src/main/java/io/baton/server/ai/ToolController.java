package io.baton.server.ai;

import io.baton.ai.BatonAi;
import io.baton.api.spi.Tool;
import io.baton.api.time.IdGenerator;
import io.baton.api.time.TimeSource;
import io.baton.server.api.ApiError;
import io.baton.server.audit.AuditLog;
import io.baton.server.security.Caller;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tools agents and {@code tool} steps may call — built-in, the application's, MCP servers' —
 * with their JSON Schemas; and calling one directly, outside any run ({@code POST
 * /api/v1/tools/{name}/invoke {arguments}}). A tool's failure is a problem by its kind (bad input
 * 422, not found 404, unavailable 503, …).
 */
@RestController
public class ToolController {
  private final BatonAi ai;
  private final McpServers mcp;
  private final AuditLog audit;
  private final TimeSource clock;
  private final IdGenerator ids;

  ToolController(BatonAi ai, McpServers mcp, AuditLog audit, TimeSource clock, IdGenerator ids) {
    this.ai = ai;
    this.mcp = mcp;
    this.audit = audit;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * The tools the caller's namespace sees, by name: {@code {name, description, parameters, source}}
   * — built-in and the application's, those of configured MCP servers, and those of the namespace's
   * own MCP servers.
   */
  @GetMapping("/api/v1/tools")
  public List<Map<String, Object>> list(Caller caller) {
    return ai.tools().all().values().stream()
        .filter(t -> mcp.visible(t.name(), caller.namespace()))
        .sorted(Comparator.comparing(Tool::name))
        .map(this::withSource)
        .toList();
  }

  /** One tool. */
  @GetMapping("/api/v1/tools/{name}")
  public Map<String, Object> get(Caller caller, @PathVariable String name) {
    return withSource(require(caller, name));
  }

  /**
   * Calls a tool with {@code {arguments}} → {@code {tool, result}}. An {@code Idempotency-Key}
   * header is handed to the tool as its idempotency key.
   */
  @PostMapping("/api/v1/tools/{name}/invoke")
  public Map<String, Object> invoke(
      Caller caller,
      @PathVariable String name,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody(required = false) Map<String, Object> body) {
    Tool tool = require(caller, name);
    Object given = body == null ? null : body.get("arguments");
    if (given != null && !(given instanceof Map<?, ?>)) {
      throw ApiError.badField("/arguments", "invalid-arguments", "arguments is a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> arguments = given == null ? Map.of() : (Map<String, Object>) given;
    String idempotencyKey = key == null || key.isBlank() ? "api/" + ids.newId() : key;
    Object result;
    try {
      result =
          tool.invoke(
              arguments,
              new ApiToolContext(name, caller.namespace(), idempotencyKey, arguments, clock));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new io.baton.api.run.StepException(
          io.baton.api.run.ErrorKind.UNKNOWN, "tool " + name + " failed: " + e.getMessage());
    }
    audit.record(
        caller, "tool.invoke", "tool", name, null, Map.of("idempotencyKey", idempotencyKey));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tool", name);
    out.put("result", result);
    return out;
  }

  /** A tool's name, description and parameters. */
  static Map<String, Object> describe(Tool tool) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", tool.name());
    out.put("description", tool.description());
    out.put("parameters", tool.parameters());
    return out;
  }

  private Map<String, Object> withSource(Tool tool) {
    Map<String, Object> out = describe(tool);
    String server = mcp.serverOf(tool.name());
    out.put("source", server == null ? "server" : "mcp:" + server);
    return out;
  }

  private Tool require(Caller caller, String name) {
    Tool tool = ai.tools().find(name);
    if (tool == null || !mcp.visible(name, caller.namespace())) {
      throw ApiError.notFound("tool", name);
    }
    return tool;
  }
}
