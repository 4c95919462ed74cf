package io.baton.modules.role;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule table giving a new role its capabilities by name: the MPLP roles of the seeds
 * (coordinator, executor, reviewer, …), plus what a configuration adds. A name the table does not
 * know gets {@code read} and a capability named after the role.
 */
final class RoleCapabilities {
  private final Map<String, List<String>> table;

  private RoleCapabilities(Map<String, List<String>> table) {
    this.table = table;
  }

  static RoleCapabilities defaults() {
    Map<String, List<String>> t = new LinkedHashMap<>();
    t.put("coordinator", List.of("coordinate", "plan", "assign", "approve", "read", "write"));
    t.put("planner", List.of("plan", "read", "write"));
    t.put("executor", List.of("execute", "read", "write"));
    t.put("reviewer", List.of("review", "approve", "read"));
    t.put("researcher", List.of("research", "read", "write"));
    t.put("writer", List.of("write", "read"));
    t.put("observer", List.of("read"));
    t.put("admin", List.of("*"));
    return new RoleCapabilities(t);
  }

  /** The table with {@code extra} ({@code {role: [capability, …]}}) added. */
  RoleCapabilities with(Object extra) {
    if (extra == null) {
      return this;
    }
    if (!(extra instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException(
          "role configuration 'capabilities' must map role names to lists of capabilities");
    }
    Map<String, List<String>> t = new LinkedHashMap<>(table);
    m.forEach(
        (role, caps) -> {
          if (!(caps instanceof List<?> l)) {
            throw new IllegalArgumentException(
                "role configuration 'capabilities." + role + "' must be a list of capabilities");
          }
          t.put(String.valueOf(role), l.stream().map(String::valueOf).toList());
        });
    return new RoleCapabilities(t);
  }

  List<String> of(String role) {
    return table.getOrDefault(role, List.of("read", role));
  }
}
