package io.baton.server.security;

import java.util.regex.Pattern;

/**
 * The role a request needs, by method and path: reading needs {@code viewer}; running and
 * controlling runs, answering, publishing, calling module operations and tools, chatting with
 * agents, remote agents' heartbeats and restoring snapshots need {@code operator}; changing
 * definitions and agents needs {@code editor}; keys, secrets' values, the audit log, MCP servers (a
 * stdio server is a process the server starts), the modules' lifecycle and configuration, the
 * degradation level and the alert rules need {@code admin}.
 */
public final class AccessRules {
  private static final Pattern RUN_ACTIONS =
      Pattern.compile(
          "/api/v1/(workflows/[^/]+/execute|executions/.*|inputs/.*|events|alerts/.*|agents/[^/]+/(chat|heartbeat)"
              + "|tools/[^/]+/invoke|snapshots/[^/]+/restore|modules/[^/]+/[^/]+|mcp)");
  private static final Pattern ADMIN_ONLY =
      Pattern.compile(
          "/api/v1/(auth/keys.*|audit.*|mcp-servers.*|modules/[^/]+/lifecycle/[^/]+"
              + "|modules/[^/]+/config|degradation|alerts/rules.*)");
  private static final Pattern READ_ONLY_POSTS = Pattern.compile("/api/v1/workflows/validate");

  private AccessRules() {}

  /** Paths anyone may call: probes, the OpenAPI document, Swagger UI and the web app. */
  public static boolean isPublic(String path) {
    return path.startsWith("/actuator/health")
        || path.startsWith("/v3/api-docs")
        || path.startsWith("/swagger-ui")
        || !(path.startsWith("/api/") || path.startsWith("/ws/") || path.startsWith("/actuator"));
  }

  /** The role {@code method} on {@code path} needs in the request's namespace. */
  public static Role required(String method, String path) {
    boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    if (path.startsWith("/api/v1/auth/keys") || path.startsWith("/api/v1/audit")) {
      return Role.ADMIN;
    }
    if (!read && ADMIN_ONLY.matcher(path).matches()) {
      return Role.ADMIN;
    }
    if (path.startsWith("/api/v1/secrets")) {
      return read ? Role.EDITOR : Role.ADMIN;
    }
    if (read || READ_ONLY_POSTS.matcher(path).matches()) {
      return Role.VIEWER;
    }
    return RUN_ACTIONS.matcher(path).matches() ? Role.OPERATOR : Role.EDITOR;
  }
}
