package io.baton.server.ai;

import io.baton.ai.mcp.McpServerConfig;
import io.baton.server.api.ApiError;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body that adds an MCP server: {@code {name, url, transport?}} (streamable HTTP, or {@code
 * sse}) or {@code {name, command: [...], environment?: {}}} (stdio), with {@code timeoutMs}
 * (default 60 000). Wrong fields are refused with a pointer to them.
 */
final class McpServerRequest {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
  private static final Set<String> FIELDS =
      Set.of("name", "url", "transport", "command", "environment", "timeoutMs");

  private McpServerRequest() {}

  /** The configuration the body describes. */
  static McpServerConfig config(Map<String, Object> body) {
    for (String key : body.keySet()) {
      if (!FIELDS.contains(key)) {
        throw ApiError.badField(
            "/" + key, "unknown-field", "unknown field '" + key + "'; the fields are " + FIELDS);
      }
    }
    if (!(body.get("name") instanceof String name) || !NAME.matcher(name).matches()) {
      throw ApiError.badField(
          "/name",
          "invalid-name",
          "name is 1 to 64 letters, digits or '-' (it prefixes the server's tools: <name>_<tool>)");
    }
    List<String> command = strings(body.get("command"), "/command");
    Map<String, String> environment = new LinkedHashMap<>();
    if (body.get("environment") instanceof Map<?, ?> env) {
      env.forEach((k, v) -> environment.put(String.valueOf(k), String.valueOf(v)));
    } else if (body.get("environment") != null) {
      throw ApiError.badField("/environment", "invalid-field", "environment is an object");
    }
    Object url = body.get("url");
    Object timeout = body.get("timeoutMs");
    if (timeout != null && !(timeout instanceof Number n && n.longValue() > 0)) {
      throw ApiError.badField("/timeoutMs", "invalid-field", "timeoutMs is a positive number");
    }
    try {
      return new McpServerConfig(
          name,
          command,
          environment,
          url == null ? null : url.toString(),
          (String) body.get("transport"),
          timeout == null ? null : Duration.ofMillis(((Number) timeout).longValue()));
    } catch (IllegalArgumentException | ClassCastException e) {
      String pointer =
          e.getMessage() != null && e.getMessage().contains("transport") ? "/transport" : "/url";
      throw ApiError.badField(pointer, "invalid-mcp-server", e.getMessage());
    }
  }

  /** The body that gives {@code config} again, as stored. */
  static Map<String, Object> stored(McpServerConfig config) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", config.name());
    if (config.url() != null) {
      out.put("url", config.url());
    }
    if (!config.command().isEmpty()) {
      out.put("command", config.command());
    }
    if (!config.environment().isEmpty()) {
      out.put("environment", config.environment());
    }
    out.put("transport", config.transport());
    out.put("timeoutMs", config.timeout().toMillis());
    return out;
  }

  private static List<String> strings(Object value, String pointer) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw ApiError.badField(pointer, "invalid-field", pointer.substring(1) + " is a list");
    }
    return list.stream().map(String::valueOf).toList();
  }
}
