package io.baton.modules.plan;

import static io.baton.modules.spi.Call.fields;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.TaskHandler;
import io.baton.modules.spi.Call;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carrying out a plan: its steps in dependency order, each handed to {@code core.execute-task} (an
 * agent with the step's capability, or the core's rules), with every status change stored in the
 * plan. Also the planning agent's side of {@code create-plan}.
 */
final class PlanExecution {
  private static final Set<String> STEP_STATUSES =
      Set.of("pending", "in_progress", "completed", "blocked", "skipped", "failed");

  private PlanExecution() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> execute(Call c, Map<String, Object> plan) {
    String planId = (String) plan.get("plan_id");
    setPlanStatus(c, planId, "in_progress");
    List<Map<String, Object>> steps = (List<Map<String, Object>>) plan.get("steps");
    List<Object> results = new ArrayList<>();
    Set<String> done = new HashSet<>();
    boolean failed = false;
    for (Map<String, Object> step : ordered(c, steps)) {
      String stepId = (String) step.get("step_id");
      if ("completed".equals(step.get("status"))) {
        done.add(stepId);
        continue;
      }
      List<String> deps = (List<String>) step.getOrDefault("dependencies", List.of());
      if (failed || !done.containsAll(deps)) {
        setStepStatus(c, c.entities().get(PlanModule.TYPE, planId), stepId, "blocked");
        results.add(
            fields("stepId", stepId, "title", step.get("description"), "status", "blocked"));
        continue;
      }
      Map<String, Object> outcome =
          (Map<String, Object>)
              c.invoke(
                  "core",
                  "execute-task",
                  fields(
                      "task",
                      step.get("description"),
                      "capability",
                      step.get("agent_role"),
                      "planId",
                      planId,
                      "stepId",
                      stepId));
      String status = "failed".equals(outcome.get("status")) ? "failed" : "completed";
      setStepStatus(c, c.entities().get(PlanModule.TYPE, planId), stepId, status);
      failed |= "failed".equals(status);
      if (!failed) {
        done.add(stepId);
      }
      results.add(
          fields(
              "stepId",
              stepId,
              "title",
              step.get("description"),
              "status",
              status,
              "executedBy",
              outcome.get("executedBy"),
              "output",
              outcome.get("output")));
    }
    Map<String, Object> finished = setPlanStatus(c, planId, failed ? "failed" : "completed");
    Map<String, Object> out = PlanModule.result(finished);
    out.put("results", results);
    return out;
  }

  /** Steps with each after its dependencies (then by order_index); a cycle is a bad plan. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> ordered(Call c, List<Map<String, Object>> steps) {
    List<Map<String, Object>> out = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (out.size() < steps.size()) {
      boolean progressed = false;
      for (Map<String, Object> s : steps) {
        List<String> deps = (List<String>) s.getOrDefault("dependencies", List.of());
        if (!placed.contains(s.get("step_id")) && placed.containsAll(deps)) {
          out.add(s);
          placed.add((String) s.get("step_id"));
          progressed = true;
        }
      }
      if (!progressed) {
        throw c.badInput("the plan's step dependencies form a cycle or name missing steps");
      }
    }
    return out;
  }

  static Map<String, Object> setStepStatus(
      Call c, Map<String, Object> plan, String stepId, String status) {
    if (!STEP_STATUSES.contains(status)) {
      throw c.badInput("step status '" + status + "' is not one of " + STEP_STATUSES);
    }
    step(c, plan, stepId);
    return c.entities()
        .update(
            PlanModule.TYPE,
            (String) plan.get("plan_id"),
            d -> {
              @SuppressWarnings("unchecked")
              List<Map<String, Object>> steps = (List<Map<String, Object>>) d.get("steps");
              steps.stream()
                  .filter(s -> stepId.equals(s.get("step_id")))
                  .forEach(s -> s.put("status", status));
              Call.addEvent(
                  d,
                  c.event("plan.step.status.changed", fields("step_id", stepId, "status", status)));
            });
  }

  private static Map<String, Object> setPlanStatus(Call c, String planId, String status) {
    return c.entities()
        .update(
            PlanModule.TYPE,
            planId,
            d -> {
              d.put("status", status);
              Call.addEvent(d, c.event("plan.status.changed", fields("status", status)));
            });
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> step(Call c, Map<String, Object> plan, String stepId) {
    return ((List<Map<String, Object>>) plan.get("steps"))
        .stream()
            .filter(s -> stepId.equals(s.get("step_id")))
            .findFirst()
            .orElseThrow(
                () -> c.badInput("plan " + plan.get("plan_id") + " has no step '" + stepId + "'"));
  }

  /**
   * Asks the planning agent for the tasks of {@code objective}: a list, or {@code {tasks: […]}}.
   */
  static List<?> tasksFromAgent(Call c, TaskHandler agent, String objective, String contextId) {
    Object answer;
    try {
      answer =
          agent.handle(
              "planning",
              fields(
                  "objective",
                  objective,
                  "contextId",
                  contextId,
                  "assignedRoles",
                  c.list("assignedRoles")),
              c.step().orElse(null));
    } catch (Exception e) {
      throw new StepException(
          ErrorKind.UNAVAILABLE, "the planning agent failed: " + e.getMessage());
    }
    List<?> tasks =
        answer instanceof Map<?, ?> m && m.get("tasks") instanceof List<?> l
            ? l
            : answer instanceof List<?> l2 ? l2 : List.of();
    if (tasks.isEmpty()) {
      throw new StepException(
          ErrorKind.BAD_OUTPUT,
          "the planning agent returned no tasks; it must return a list of tasks or {tasks: [...]}, not "
              + answer);
    }
    return tasks;
  }
}
