package io.baton.modules.plan;

import static io.baton.modules.spi.Call.fields;

import io.baton.api.spi.TaskHandler;
import io.baton.modules.spi.Call;
import io.baton.modules.spi.MplpModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The MPLP {@code plan} module: plans of steps with dependencies and roles (MPLP Plan documents),
 * made by the planning rules ({@link PlanSteps}) or, once an agent with the {@code planning}
 * capability is registered, by that agent (a reserved interface); decomposed, updated and executed
 * step by step through {@code core.execute-task}.
 *
 * <p>{@code create-plan {contextId, assignedRoles}} → {@code {planId, contextId, title, objective,
 * status, tasks: [{id, title, role, dependsOn, status}], plannedBy, plan}}.
 */
public final class PlanModule extends MplpModule {
  static final String TYPE = "plan";
  private static final Set<String> STATUSES =
      Set.of("draft", "proposed", "approved", "in_progress", "completed", "cancelled", "failed");

  /** The module, with its operations. */
  public PlanModule() {
    super(TYPE, "Plans: steps with dependencies, roles and priorities; decomposition; execution.");
    operation(
        "create-plan",
        "Creates a plan: objective (or goal), tasks or assignedRoles, contextId.",
        c -> create(c, null));
    operation(
        "create-plan-a",
        "Creates alternative A of a plan (the seed's parallel pattern).",
        c -> create(c, "A"));
    operation(
        "create-plan-b",
        "Creates alternative B of a plan (the seed's parallel pattern).",
        c -> create(c, "B"));
    operation(
        "get-plan",
        "Returns a plan: planId (default: the run's latest plan).",
        c -> result(plan(c)));
    operation(
        "list-plans",
        "Lists plans, those of a run when runId is given.",
        c ->
            fields(
                "plans",
                c.entities().list(TYPE, c.text("runId", null), 1000).stream()
                    .map(PlanModule::result)
                    .toList()));
    operation("update-plan", "Changes a plan's title, objective or status.", this::update);
    operation("update-step", "Sets a step's status: planId, stepId, status.", this::updateStep);
    operation(
        "decompose",
        "Splits a step into analyse / do / verify sub-steps: planId, stepId.",
        this::decompose);
    operation(
        "execute-plan",
        "Executes a plan's steps in dependency order through core.execute-task.",
        c -> PlanExecution.execute(c, plan(c)));
    operation(
        "execute-plan-a",
        "Executes alternative A of the run's plan (created if missing).",
        c -> executeVariant(c, "A"));
    operation(
        "execute-plan-b",
        "Executes alternative B of the run's plan (created if missing).",
        c -> executeVariant(c, "B"));
  }

  @Override
  public List<Reserved> reserved() {
    return List.of(new Reserved("create-plan", "planning", "Plans an objective into steps."));
  }

  @Override
  public List<String> dependencies() {
    return List.of("context", "core");
  }

  private Map<String, Object> create(Call c, String variant) {
    Object context =
        c.invoke("context", "ensure-context", fields("contextId", c.text("contextId", null)));
    String contextId = String.valueOf(((Map<?, ?>) context).get("contextId"));
    String objective =
        c.text(
            "objective",
            c.text(
                "goal",
                "the objective of " + (c.runId() == null ? "the plan" : "run " + c.runId())));
    String title =
        c.text(
            "title", variant == null ? "Plan: " + objective : "Plan " + variant + ": " + objective);
    List<?> tasks = c.list("tasks");
    String plannedBy = "rules";
    Optional<TaskHandler> agent = c.services().agentFor(TYPE, "create-plan");
    if (tasks.isEmpty() && agent.isPresent()) {
      tasks = PlanExecution.tasksFromAgent(c, agent.get(), objective, contextId);
      plannedBy = "agent";
    }
    String id = c.newId();
    Map<String, Object> doc = c.document("plan_id", id);
    doc.put("context_id", contextId);
    doc.put("title", title);
    doc.put("objective", objective);
    doc.put("status", "draft");
    doc.put("steps", PlanSteps.make(c, objective, tasks, c.list("assignedRoles")));
    Call.addEvent(
        doc, c.event("plan.created", fields("planned_by", plannedBy, "variant", variant)));
    Map<String, Object> saved = c.entities().create(TYPE, id, owner(c), doc);
    c.publish("plan.created", fields("planId", id, "contextId", contextId, "runId", c.runId()));
    Map<String, Object> out = result(saved);
    out.put("plannedBy", plannedBy);
    if (variant != null) {
      out.put("variant", variant);
    }
    return out;
  }

  private Object update(Call c) {
    Map<String, Object> plan = plan(c);
    String status = c.text("status", null);
    if (status != null && !STATUSES.contains(status)) {
      throw c.badInput("status '" + status + "' is not one of " + STATUSES);
    }
    return result(
        c.entities()
            .update(
                TYPE,
                (String) plan.get("plan_id"),
                d -> {
                  if (c.text("title", null) != null) {
                    d.put("title", c.text("title", null));
                  }
                  if (c.text("objective", null) != null) {
                    d.put("objective", c.text("objective", null));
                  }
                  if (status != null && !status.equals(d.get("status"))) {
                    d.put("status", status);
                    Call.addEvent(d, c.event("plan.status.changed", fields("status", status)));
                  }
                }));
  }

  private Object updateStep(Call c) {
    Map<String, Object> plan = plan(c);
    String stepId = c.required("stepId");
    String status = c.required("status");
    return result(PlanExecution.setStepStatus(c, plan, stepId, status));
  }

  private Object decompose(Call c) {
    Map<String, Object> plan = plan(c);
    String stepId = c.required("stepId");
    Map<String, Object> parent = PlanExecution.step(c, plan, stepId);
    String what = String.valueOf(parent.get("description"));
    Object role = parent.get("agent_role");
    Map<String, Object> updated =
        c.entities()
            .update(
                TYPE,
                (String) plan.get("plan_id"),
                d -> {
                  @SuppressWarnings("unchecked")
                  List<Map<String, Object>> steps = (List<Map<String, Object>>) d.get("steps");
                  List<String> subIds = new ArrayList<>();
                  String previous = null;
                  for (String stage : List.of("Analyse", "Do", "Verify")) {
                    Map<String, Object> sub =
                        PlanSteps.step(
                            c,
                            stage + ": " + what,
                            role == null ? null : role.toString(),
                            steps.size());
                    sub.put(
                        "dependencies",
                        new ArrayList<>(
                            previous == null ? parentDependencies(parent) : List.of(previous)));
                    previous = (String) sub.get("step_id");
                    subIds.add(previous);
                    steps.add(sub);
                  }
                  // The decomposed step now stands for its parts: it follows the last of them.
                  for (Map<String, Object> s : steps) {
                    if (stepId.equals(s.get("step_id"))) {
                      s.put("dependencies", new ArrayList<>(List.of(subIds.getLast())));
                    }
                  }
                  Call.addEvent(
                      d,
                      c.event("plan.step.decomposed", fields("step_id", stepId, "parts", subIds)));
                });
    return result(updated);
  }

  @SuppressWarnings("unchecked")
  private static List<String> parentDependencies(Map<String, Object> parent) {
    return (List<String>) parent.getOrDefault("dependencies", List.of());
  }

  private Map<String, Object> executeVariant(Call c, String variant) {
    Map<String, Object> plan =
        c.entities().list(TYPE, owner(c), 1000).stream()
            .filter(p -> String.valueOf(p.get("title")).startsWith("Plan " + variant + ":"))
            .reduce((a, b) -> b)
            .orElseGet(() -> c.entities().get(TYPE, (String) create(c, variant).get("planId")));
    Map<String, Object> out = PlanExecution.execute(c, plan);
    out.put("variant", variant);
    return out;
  }

  /** The plan named by {@code planId}, else the run's latest. */
  static Map<String, Object> plan(Call c) {
    String id = c.text("planId", null);
    if (id != null) {
      return c.entities().get(TYPE, id);
    }
    List<Map<String, Object>> own = c.entities().list(TYPE, owner(c), 1000);
    if (own.isEmpty()) {
      throw c.badInput(
          "no planId was given and there is no plan of "
              + (c.runId() == null ? "the API" : "run " + c.runId())
              + "; create one with plan.create-plan");
    }
    return own.getLast();
  }

  static String owner(Call c) {
    return c.runId() == null ? "api" : c.runId();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> result(Map<String, Object> doc) {
    List<Map<String, Object>> steps = (List<Map<String, Object>>) doc.get("steps");
    return fields(
        "planId", doc.get("plan_id"),
        "contextId", doc.get("context_id"),
        "title", doc.get("title"),
        "objective", doc.get("objective"),
        "status", doc.get("status"),
        "tasks", steps.stream().map(PlanSteps::task).toList(),
        "plan", doc);
  }
}
