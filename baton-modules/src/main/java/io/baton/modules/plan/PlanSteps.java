package io.baton.modules.plan;

import static io.baton.modules.spi.Call.fields;

import io.baton.modules.spi.Call;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planning rules: how the steps of an MPLP plan are made from what {@code create-plan} is given
 * — explicit tasks ({@code {id, title, role, dependsOn}} with dependencies by id or title, or MPLP
 * plan steps {@code {step_id, description, agent_role, dependencies}}, given new ids), one step per
 * assigned role, or the three stages analyse → carry out → review of the objective.
 */
final class PlanSteps {
  private PlanSteps() {}

  /** The steps of a plan for {@code objective}. */
  static List<Map<String, Object>> make(
      Call c, String objective, List<?> tasks, List<?> assignedRoles) {
    if (!tasks.isEmpty()) {
      return fromTasks(c, tasks);
    }
    List<Map<String, Object>> drafts = new ArrayList<>();
    if (!assignedRoles.isEmpty()) {
      for (Object a : assignedRoles) {
        String role = a instanceof Map<?, ?> m ? String.valueOf(m.get("role")) : String.valueOf(a);
        drafts.add(fields("title", role + ": " + duty(role) + " " + objective, "role", role));
      }
    } else {
      drafts.add(fields("title", "Analyse " + objective, "role", "planner"));
      drafts.add(fields("title", "Carry out " + objective, "role", "executor"));
      drafts.add(fields("title", "Review " + objective, "role", "reviewer"));
    }
    return chain(c, drafts);
  }

  private static String duty(String role) {
    return switch (role) {
      case "coordinator" -> "coordinate";
      case "reviewer" -> "review";
      case "planner" -> "plan";
      default -> "carry out";
    };
  }

  /** Each draft after the one before it. */
  private static List<Map<String, Object>> chain(Call c, List<Map<String, Object>> drafts) {
    List<Map<String, Object>> steps = new ArrayList<>();
    String previous = null;
    for (Map<String, Object> d : drafts) {
      Map<String, Object> step =
          step(c, (String) d.get("title"), (String) d.get("role"), steps.size());
      if (previous != null) {
        step.put("dependencies", new ArrayList<>(List.of(previous)));
      }
      previous = (String) step.get("step_id");
      steps.add(step);
    }
    return steps;
  }

  private static List<Map<String, Object>> fromTasks(Call c, List<?> tasks) {
    List<Map<String, Object>> steps = new ArrayList<>();
    Map<String, String> idOf = new HashMap<>();
    for (Object t : tasks) {
      Map<?, ?> m = t instanceof Map<?, ?> map ? map : Map.of("title", String.valueOf(t));
      Object title = m.get("title") != null ? m.get("title") : m.get("description");
      if (title == null || String.valueOf(title).isBlank()) {
        throw c.badInput("task " + (steps.size() + 1) + " has no title (or description)");
      }
      Object role = m.get("role") != null ? m.get("role") : m.get("agent_role");
      Map<String, Object> step =
          step(c, String.valueOf(title), role == null ? null : String.valueOf(role), steps.size());
      idOf.put(String.valueOf(title), (String) step.get("step_id"));
      Object ownId = m.get("id") != null ? m.get("id") : m.get("step_id");
      if (ownId != null) {
        idOf.put(String.valueOf(ownId), (String) step.get("step_id"));
      }
      steps.add(step);
    }
    for (int i = 0; i < tasks.size(); i++) {
      if (tasks.get(i) instanceof Map<?, ?> m
          && (m.get("dependsOn") != null ? m.get("dependsOn") : m.get("dependencies"))
              instanceof List<?> deps) {
        List<String> ids = new ArrayList<>();
        for (Object d : deps) {
          String id = idOf.get(String.valueOf(d));
          if (id == null) {
            throw c.badInput(
                "task " + (i + 1) + " depends on '" + d + "', which is no task's id or title");
          }
          ids.add(id);
        }
        steps.get(i).put("dependencies", ids);
      }
    }
    return steps;
  }

  static Map<String, Object> step(Call c, String description, String role, int index) {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("step_id", c.newId());
    step.put("description", description);
    step.put("status", "pending");
    if (role != null && !role.isBlank()) {
      step.put("agent_role", role);
    }
    step.put("order_index", index);
    return step;
  }

  /** A plan step as operation results show it. */
  static Map<String, Object> task(Map<String, Object> step) {
    return fields(
        "id", step.get("step_id"),
        "title", step.get("description"),
        "role", step.get("agent_role"),
        "status", step.get("status"),
        "dependsOn", step.getOrDefault("dependencies", List.of()));
  }
}
