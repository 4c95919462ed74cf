package io.baton.cli.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Offline stand-in for the MPLP {@code role} module. {@code assign-roles} gives each requested role
 * an agent named after it ({@code reviewer} → {@code reviewer-agent}), or the agent the input pairs
 * it with; {@code check-permission} allows everything.
 */
final class RoleModule extends OfflineModule {

  RoleModule() {
    super("role");
    operation(
        "assign-roles",
        (p, ctx) -> {
          List<?> roles = list(p, "roles");
          List<?> agents = list(p, "agents");
          List<Map<String, Object>> assignments = new ArrayList<>();
          for (int i = 0; i < roles.size(); i++) {
            String role = String.valueOf(roles.get(i));
            String agent = i < agents.size() ? String.valueOf(agents.get(i)) : role + "-agent";
            assignments.add(fields("role", role, "agent", agent));
          }
          return result("contextId", p.get("contextId"), "assignments", assignments);
        });
    operation(
        "check-permission",
        (p, ctx) ->
            result(
                "role", text(p, "role", "any"),
                "action", text(p, "action", "any"),
                "allowed", true));
  }
}
