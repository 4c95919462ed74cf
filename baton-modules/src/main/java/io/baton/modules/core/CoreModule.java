package io.baton.modules.core;

import static io.baton.modules.spi.Call.fields;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.TaskHandler;
import io.baton.modules.ModuleStatus;
import io.baton.modules.mplp.MplpSchemas;
import io.baton.modules.spi.Call;
import io.baton.modules.spi.MplpModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MPLP {@code core} module: orchestration services — executing tasks (by an agent with the
 * {@code task-execution} capability, else by the core's rules), evaluating conditions, merging
 * results, finalizing a run — the L3 workflow operations, and the MPLP Core document describing the
 * hub's modules.
 *
 * <p>{@code evaluate-condition} returns the bare value, since the seed's conditional workflow tests
 * the result itself ({@code result === "A"}).
 */
public final class CoreModule extends MplpModule {
  static final String TYPE = "core";

  /** The module, with its operations. */
  public CoreModule() {
    super(
        TYPE, "Orchestration services, the L3 workflow operations and the hub's Core descriptor.");
    operation(
        "execute-task",
        "Executes a task (by an agent or the rules); without task: the run's plan.",
        this::executeTask);
    operation(
        "evaluate-condition",
        "Returns value (or result), else the context variable named by variable, else the first option, else \"A\".",
        this::evaluate);
    operation("merge-results", "Merges its input with the plans of the run.", this::merge);
    operation(
        "finalize",
        "Ends the run's coordination: completes its plans and traces.",
        c -> Finalization.finalizeRun(c));
    operation(
        "describe",
        "The MPLP Core document of the hub: its modules and their status.",
        this::describe);
    operation(
        "execute-workflow",
        "Starts a workflow: workflow (text in any Baton format), inputs.",
        this::executeWorkflow);
    operation(
        "pause-workflow",
        "Pauses a run: runId.",
        c ->
            fields(
                "runId",
                c.required("runId"),
                "paused",
                c.services().workflows().pause(c.required("runId"), c.actor())));
    operation(
        "resume-workflow",
        "Resumes a run: runId.",
        c ->
            fields(
                "runId",
                c.required("runId"),
                "resumed",
                c.services().workflows().resume(c.required("runId"), c.actor())));
    operation(
        "cancel-workflow",
        "Cancels a run: runId.",
        c ->
            fields(
                "runId",
                c.required("runId"),
                "cancelled",
                c.services().workflows().cancel(c.required("runId"), c.actor())));
    operation(
        "workflow-status",
        "A run's status: runId.",
        c -> c.services().workflows().status(c.required("runId")));
  }

  @Override
  public List<Reserved> reserved() {
    return List.of(
        new Reserved("execute-task", "task-execution", "Carries out one task of a plan."));
  }

  private Object executeTask(Call c) throws Exception {
    String task = c.text("task", null);
    if (task == null) {
      return c.invoke("plan", "execute-plan", fields("planId", c.text("planId", null)));
    }
    String taskId = c.text("stepId", c.newId());
    Optional<TaskHandler> agent = c.services().agentFor(TYPE, "execute-task");
    Object output;
    String executedBy;
    if (agent.isPresent()) {
      output =
          agent
              .get()
              .handle("task-execution", new LinkedHashMap<>(c.input()), c.step().orElse(null));
      executedBy = "agent";
    } else {
      output =
          "recorded as done by the core rules: no agent with the task-execution capability is registered";
      executedBy = "rules";
    }
    c.publish(
        "core.task.executed",
        fields("taskId", taskId, "task", task, "executedBy", executedBy, "runId", c.runId()));
    return fields(
        "taskId",
        taskId,
        "task",
        task,
        "capability",
        c.text("capability", null),
        "status",
        "completed",
        "executedBy",
        executedBy,
        "output",
        output);
  }

  private Object evaluate(Call c) {
    Object value = c.get("value") != null ? c.get("value") : c.get("result");
    if (value == null && c.text("variable", null) != null) {
      Object read =
          c.invoke(
              "context",
              "get-variable",
              fields("contextId", c.text("contextId", null), "name", c.text("variable", null)));
      value = ((Map<?, ?>) read).get("value");
    }
    if (value == null) {
      List<?> options = c.list("options");
      value = options.isEmpty() ? "A" : options.getFirst();
    }
    c.publish("core.condition.evaluated", fields("value", value, "runId", c.runId()));
    return value;
  }

  private Object merge(Call c) {
    Map<String, Object> merged = new LinkedHashMap<>(c.input());
    Object plans =
        c.runId() == null ? null : c.invoke("plan", "list-plans", fields("runId", c.runId()));
    List<?> own =
        plans instanceof Map<?, ?> m && m.get("plans") instanceof List<?> l ? l : List.of();
    merged.put("plans", own);
    return fields("merged", merged, "count", c.input().size() + own.size());
  }

  private Object describe(Call c) {
    List<Map<String, Object>> existing = c.entities().list(TYPE, "hub", 1);
    List<Object> modules =
        c.services().statuses().stream()
            .filter(s -> MplpSchemas.MODULES.contains(s.name()))
            .map(CoreModule::descriptor)
            .map(Object.class::cast)
            .toList();
    if (modules.isEmpty()) {
      throw new StepException(ErrorKind.NOT_FOUND, "no MPLP module is registered on the hub");
    }
    if (existing.isEmpty()) {
      String id = c.newId();
      Map<String, Object> doc = c.document("core_id", id);
      doc.put("protocol_version", "1.0.0");
      doc.put("status", "active");
      doc.put("modules", modules);
      Call.addEvent(doc, c.event("core.created", null));
      return fields("coreId", id, "core", c.entities().create(TYPE, id, "hub", doc));
    }
    String id = (String) existing.getFirst().get("core_id");
    return fields(
        "coreId", id, "core", c.entities().update(TYPE, id, d -> d.put("modules", modules)));
  }

  private static Map<String, Object> descriptor(ModuleStatus s) {
    String status =
        switch (s.state()) {
          case RUNNING -> "enabled";
          default -> "disabled";
        };
    return fields(
        "module_id",
        s.name(),
        "version",
        s.version(),
        "status",
        status,
        "required",
        List.of("context", "plan", "core").contains(s.name()),
        "description",
        s.description());
  }

  private Object executeWorkflow(Call c) {
    String text = c.required("workflow");
    String runId = c.services().workflows().execute(text, c.map("inputs"));
    return fields("runId", runId, "status", "started");
  }
}
