package io.baton.ai.step;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentOutcome;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.agent.AgentTask;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunView;
import io.baton.api.spi.StepContext;
import io.baton.engine.Baton;
import io.baton.engine.define.StepBuilder;
import io.baton.engine.define.Steps;
import io.baton.engine.define.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code plan}: the agent plans tasks (structured output), the tasks become the steps of a child
 * run (one {@code agent} step each, with their dependencies, done by an agent found by the task's
 * capability, else {@code options.worker}, else the planner), and a last {@code llm} step
 * summarises their results. The child run ({@link ChildRun}) is journaled like any run; its id is
 * derived from the step's run, path and attempt, so a re-executed step finds the child it already
 * started.
 */
public final class PlanAgent implements AgentBehaviour {
  static final Map<String, Object> PLAN_SCHEMA =
      Map.of(
          "type", "object",
          "required", List.of("tasks"),
          "properties",
              Map.of(
                  "tasks",
                  Map.of(
                      "type",
                      "array",
                      "minItems",
                      1,
                      "items",
                      Map.of(
                          "type", "object",
                          "required", List.of("id", "description"),
                          "properties",
                              Map.of(
                                  "id", Map.of("type", "string"),
                                  "description", Map.of("type", "string"),
                                  "capability", Map.of("type", "string"),
                                  "dependsOn",
                                      Map.of(
                                          "type", "array", "items", Map.of("type", "string")))))));

  private final AgentRunner runner;
  private final AgentRegistry registry;
  private final Supplier<Baton> baton;

  /**
   * @param runner plans
   * @param registry finds workers by capability
   * @param baton the engine that runs the child run
   */
  public PlanAgent(AgentRunner runner, AgentRegistry registry, Supplier<Baton> baton) {
    this.runner = runner;
    this.registry = registry;
    this.baton = baton;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object perform(AgentDefinition agent, AgentTask task, StepContext context) {
    Baton engine = ChildRun.engine(baton, "plan agent '" + agent.name() + "'");
    AgentTask planning =
        new AgentTask(
            "Break this request into at most " + maxTasks(agent) + " tasks: " + task.prompt(),
            task.attachments(),
            PLAN_SCHEMA,
            List.of(),
            false);
    AgentOutcome plan = runner.run(agent, planning, context);
    List<Map<String, Object>> tasks =
        (List<Map<String, Object>>) ((Map<String, Object>) plan.json()).get("tasks");
    tasks = stepIds(tasks.subList(0, Math.min(tasks.size(), maxTasks(agent))));
    WorkflowDefinition child = childWorkflow(agent, task, tasks, context);
    String childId = ChildRun.id(context);
    RunView done = ChildRun.run(engine, child, childId, Map.of(), "the plan's child run");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agent", agent.name());
    out.put("plan", tasks);
    out.put("childRun", childId);
    Map<String, Object> results = new LinkedHashMap<>();
    for (Map<String, Object> t : tasks) {
      var view = done.step(t.get("id").toString());
      results.put(t.get("id").toString(), view == null ? null : view.output());
    }
    out.put("results", results);
    out.put("summary", done.outputs());
    out.put("planUsage", plan.usage().toMap());
    return out;
  }

  private WorkflowDefinition childWorkflow(
      AgentDefinition agent, AgentTask task, List<Map<String, Object>> tasks, StepContext context) {
    Workflow flow =
        Workflow.define("plan-" + context.stepId()).description("Tasks planned by " + agent.name());
    Set<String> ids = new java.util.HashSet<>();
    tasks.forEach(t -> ids.add(t.get("id").toString()));
    List<String> all = new ArrayList<>();
    for (Map<String, Object> t : tasks) {
      String id = t.get("id").toString();
      StepBuilder step = worker(agent, t, id).input("prompt", t.get("description").toString());
      if (t.get("dependsOn") instanceof List<?> deps) {
        String[] known =
            deps.stream().map(String::valueOf).filter(ids::contains).toArray(String[]::new);
        if (known.length > 0) {
          step.dependsOn(known);
        }
      }
      flow.step(step);
      all.add(id);
    }
    StringBuilder prompt =
        new StringBuilder("Summarise the results of the tasks for this request: ")
            .append(task.prompt())
            .append('\n');
    for (String id : all) {
      prompt.append("- ").append(id).append(": ${steps['").append(id).append("'].output.text}\n");
    }
    flow.step(
        Steps.custom(
                "summary",
                "llm",
                agent.model().primary() == null
                    ? Map.of()
                    : Map.of("model", agent.model().primary().toString()))
            .input("prompt", prompt.toString())
            .dependsOn(all.toArray(String[]::new)));
    flow.outputs("${steps.summary.output.text}");
    return flow.build();
  }

  /**
   * The step doing {@code task}: an agent with the task's capability, else {@code options.worker},
   * else the planner's own agent as a {@code chat} agent (never as a planner: that would plan
   * again, without end).
   */
  private StepBuilder worker(AgentDefinition planner, Map<String, Object> task, String id) {
    if (task.get("capability") instanceof String capability) {
      var found = registry.discover(capability);
      if (!found.isEmpty()) {
        return Steps.custom(id, "agent", Map.of("agent", found.getFirst().name()));
      }
    }
    if (planner.options().get("worker") instanceof String worker) {
      return Steps.custom(id, "agent", Map.of("agent", worker));
    }
    boolean registered = registry.names().contains(planner.name());
    return Steps.custom(id, "chat", registered ? Map.of("agent", planner.name()) : Map.of());
  }

  /**
   * The tasks with ids made valid step ids (letters, digits, '-', '_', starting with a letter) and
   * unique; dependencies follow the renaming. Models write ids like "1" or "step 1".
   */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> stepIds(List<Map<String, Object>> tasks) {
    Map<String, String> renamed = new LinkedHashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      String raw = String.valueOf(tasks.get(i).get("id"));
      String id = raw.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
      if (id.isEmpty() || !Character.isLetter(id.charAt(0))) {
        id = "task_" + id;
      }
      if (id.length() > 40) {
        id = id.substring(0, 40);
      }
      if (renamed.containsValue(id) || id.equals("summary")) {
        id = id + "_" + (i + 1);
      }
      renamed.putIfAbsent(raw, id);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> task : tasks) {
      Map<String, Object> copy = new LinkedHashMap<>(task);
      copy.put("id", renamed.get(String.valueOf(task.get("id"))));
      if (task.get("dependsOn") instanceof List<?> deps) {
        copy.put(
            "dependsOn",
            deps.stream()
                .map(d -> renamed.get(String.valueOf(d)))
                .filter(java.util.Objects::nonNull)
                .toList());
      }
      out.add(copy);
    }
    return out;
  }

  private static int maxTasks(AgentDefinition agent) {
    return agent.options().get("maxTasks") instanceof Number n ? n.intValue() : 6;
  }
}
