package io.baton.modules.role;

import static io.baton.modules.spi.Call.fields;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.modules.mplp.Mplp;
import io.baton.modules.spi.Call;
import io.baton.modules.spi.MplpModule;
import io.baton.modules.store.EntityConflictException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The MPLP {@code role} module: roles with capabilities (MPLP Role documents, one per role name),
 * their assignment to agents, and permission checks. A role named for the first time gets the
 * capabilities of the rule table ({@link RoleCapabilities}), unless the input lists them.
 * Assignments are recorded as {@code role.assigned} events of the role.
 *
 * <p>{@code assign-roles {contextId, roles: [coordinator, executor]}} → {@code {contextId,
 * assignments: [{role, roleId, agent, capabilities}], roles}}.
 */
public final class RoleModule extends MplpModule {
  static final String TYPE = "role";
  private static final String NAME_CLAIM = "role-name";
  private static final java.time.Duration CLAIM_WAIT = java.time.Duration.ofSeconds(5);
  private volatile RoleCapabilities capabilities = RoleCapabilities.defaults();

  /** The module, with its operations. */
  public RoleModule() {
    super(TYPE, "Roles, their capabilities and assignments to agents; permission checks.");
    operation(
        "assign-roles",
        "Assigns roles to agents: roles, agents (optional), contextId.",
        this::assign);
    operation("define-role", "Creates or updates a role: name, capabilities.", this::define);
    operation("get-role", "Returns a role by roleId or name.", c -> summary(role(c)));
    operation(
        "list-roles",
        "Lists every role.",
        c ->
            fields(
                "roles",
                c.entities().list(TYPE, null, 1000).stream().map(RoleModule::summary).toList()));
    operation(
        "check-permission",
        "Whether a role may do an action (a capability): role, action.",
        this::check);
  }

  @Override
  public List<String> dependencies() {
    return List.of("context", "network", "plan");
  }

  /** Accepts {@code capabilities: {role: [capability, …]}}, added to the rule table. */
  @Override
  public void configure(Map<String, Object> config) {
    capabilities = RoleCapabilities.defaults().with(config.get("capabilities"));
  }

  private Object assign(Call c) {
    String contextId = contextId(c);
    List<?> roles = c.list("roles").isEmpty() ? rolesOfRunPlan(c) : c.list("roles");
    List<?> agents = c.list("agents");
    List<Object> assignments = new ArrayList<>();
    List<Object> docs = new ArrayList<>();
    for (int i = 0; i < roles.size(); i++) {
      Object wanted = roles.get(i);
      String name =
          wanted instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : String.valueOf(wanted);
      List<String> given =
          wanted instanceof Map<?, ?> m && m.get("capabilities") instanceof List<?> l
              ? l.stream().map(String::valueOf).toList()
              : null;
      Map<String, Object> role = ensure(c, name, given);
      String agent = i < agents.size() ? String.valueOf(agents.get(i)) : agentFor(c, name);
      String roleId = (String) role.get("role_id");
      Map<String, Object> updated =
          c.entities()
              .update(
                  TYPE,
                  roleId,
                  d -> {
                    Call.addEvent(
                        d,
                        c.event(
                            "role.assigned",
                            fields("agent", agent, "context_id", contextId, "run_id", c.runId())));
                    d.put("updated_at", Mplp.time(c.now()));
                  });
      assignments.add(
          fields(
              "role",
              name,
              "roleId",
              roleId,
              "agent",
              agent,
              "capabilities",
              updated.get("capabilities")));
      docs.add(updated);
    }
    c.publish("role.assigned", fields("contextId", contextId, "assignments", assignments));
    return fields("contextId", contextId, "assignments", assignments, "roles", docs);
  }

  private Object define(Call c) {
    String name = c.required("name");
    List<String> caps = c.list("capabilities").stream().map(String::valueOf).toList();
    Map<String, Object> role = ensure(c, name, caps.isEmpty() ? null : caps);
    if (caps.isEmpty()) {
      return summary(role);
    }
    return summary(
        c.entities()
            .update(
                TYPE,
                (String) role.get("role_id"),
                d -> {
                  d.put("capabilities", caps);
                  d.put("updated_at", Mplp.time(c.now()));
                }));
  }

  private Object check(Call c) {
    Map<String, Object> role = role(c);
    String action = c.required("action");
    @SuppressWarnings("unchecked")
    List<String> caps = (List<String>) role.getOrDefault("capabilities", List.of());
    boolean allowed = caps.contains(action) || caps.contains("*");
    String reason =
        allowed
            ? "role '" + role.get("name") + "' has the capability '" + action + "'"
            : "role '"
                + role.get("name")
                + "' lacks the capability '"
                + action
                + "'; it has "
                + caps;
    return fields(
        "role",
        role.get("name"),
        "roleId",
        role.get("role_id"),
        "action",
        action,
        "allowed",
        allowed,
        "reason",
        reason);
  }

  /** The role named {@code name}, created with the rule table's (or the given) capabilities. */
  private Map<String, Object> ensure(Call c, String name, List<String> given) {
    List<Map<String, Object>> found = c.entities().list(TYPE, name, 1);
    if (!found.isEmpty()) {
      return found.getFirst();
    }
    String id = c.newId();
    try {
      // One role per name, even when two runs create it at once: the first to claim the name wins.
      c.entities().create(NAME_CLAIM, name, name, fields("role_id", id));
    } catch (EntityConflictException e) {
      return claimedBy(c, name);
    }
    Map<String, Object> doc = c.document("role_id", id);
    doc.put("name", name);
    doc.put("capabilities", given != null ? given : capabilities.of(name));
    doc.put("created_at", Mplp.time(c.now()));
    doc.put("updated_at", Mplp.time(c.now()));
    Call.addEvent(doc, c.event("role.created", fields("name", name)));
    return c.entities().create(TYPE, id, name, doc);
  }

  /** The role another call claimed {@code name} for, once that call has stored it. */
  private static Map<String, Object> claimedBy(Call c, String name) {
    String roleId = (String) c.entities().get(NAME_CLAIM, name).get("role_id");
    long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Map<String, Object>> role = c.entities().find(TYPE, roleId);
      if (role.isPresent()) {
        return role.get();
      }
      LockSupport.parkNanos(100_000);
    }
    throw new StepException(
        ErrorKind.UNAVAILABLE,
        "role '"
            + name
            + "' is being created by another call (role "
            + roleId
            + ") that has not stored it within "
            + CLAIM_WAIT.toMillis()
            + " ms; retry");
  }

  /** Imported roles are found by name, like the ones this module creates. */
  @Override
  public String importRef(Map<String, Object> document) {
    return String.valueOf(document.get("name"));
  }

  private static Map<String, Object> role(Call c) {
    String id = c.text("roleId", null);
    if (id != null) {
      return c.entities().get(TYPE, id);
    }
    String name = c.required("role");
    List<Map<String, Object>> found = c.entities().list(TYPE, name, 1);
    if (found.isEmpty()) {
      throw c.badInput(
          "no role named '" + name + "'; define it with role.define-role or role.assign-roles");
    }
    return found.getFirst();
  }

  /**
   * The agent for a role: an active agent node of the network with that role, else {@code
   * <role>-agent}.
   */
  private static String agentFor(Call c, String role) {
    Object found = c.invoke("network", "find-agents", fields("role", role));
    if (found instanceof Map<?, ?> m && m.get("agents") instanceof List<?> l && !l.isEmpty()) {
      return String.valueOf(((Map<?, ?>) l.getFirst()).get("name"));
    }
    return role + "-agent";
  }

  /** Without {@code roles}: the roles the steps of the run's latest plan call for. */
  private static List<?> rolesOfRunPlan(Call c) {
    if (c.runId() != null) {
      Object plans = c.invoke("plan", "list-plans", Map.of("runId", c.runId()));
      List<?> own = (List<?>) ((Map<?, ?>) plans).get("plans");
      if (!own.isEmpty()) {
        List<?> tasks = (List<?>) ((Map<?, ?>) own.getLast()).get("tasks");
        List<Object> roles =
            tasks.stream()
                .map(t -> ((Map<?, ?>) t).get("role"))
                .filter(r -> r != null)
                .distinct()
                .map(Object.class::cast)
                .toList();
        if (!roles.isEmpty()) {
          return roles;
        }
      }
    }
    throw c.badInput(
        "'roles' must list at least one role name, e.g. [coordinator, executor] (without it, the roles of the run's plan are assigned, but the run has no plan with roles)");
  }

  private static String contextId(Call c) {
    Object context =
        c.invoke("context", "ensure-context", fields("contextId", c.text("contextId", null)));
    return String.valueOf(((Map<?, ?>) context).get("contextId"));
  }

  private static Map<String, Object> summary(Map<String, Object> doc) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("roleId", doc.get("role_id"));
    out.put("name", doc.get("name"));
    out.put("capabilities", doc.get("capabilities"));
    out.put("role", doc);
    return out;
  }
}
