package io.baton.modules;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.PendingInput;
import io.baton.api.run.RunView;
import io.baton.api.run.StepException;
import io.baton.engine.Baton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The L3 workflow operations of seed 000 ({@code executeWorkflow}, {@code pauseWorkflow}, {@code
 * resumeWorkflow}, {@code cancelWorkflow}, {@code getWorkflowStatus}) on the engine the hub is
 * attached to, and the default MPLP stage workflow {@code context → plan → confirm → trace}.
 *
 * <pre>{@code
 * String runId = hub.workflows().execute(WorkflowControl.stageWorkflow(baton), Map.of("objective", "…"));
 * hub.workflows().status(runId);   // {runId, status: WAITING, pendingInputs: [...], ...}
 * }</pre>
 */
public final class WorkflowControl {
  /** The classpath resource of the default stage workflow. */
  public static final String STAGE_WORKFLOW = "io/baton/modules/mplp-stages.yaml";

  private volatile Baton baton;

  WorkflowControl() {}

  void attach(Baton engine) {
    this.baton = engine;
  }

  /** Whether the hub is attached to an engine. */
  public boolean attached() {
    return baton != null;
  }

  /** Starts a run of {@code workflow} with {@code inputs}; returns its id. */
  public String execute(WorkflowDefinition workflow, Map<String, Object> inputs) {
    return engine().start(workflow, inputs == null ? Map.of() : inputs).id();
  }

  /**
   * Starts a run of a workflow given as text in any format Baton reads (Baton YAML or JSON, MPLP
   * workflow JSON, MPLP {@code WorkflowDefinition}, iflow tasks).
   */
  public String execute(String workflowText, Map<String, Object> inputs) {
    return execute(engine().loader().parse(workflowText, "workflow").orThrow(), inputs);
  }

  /** Pauses a run; false when it was not running. */
  public boolean pause(String runId, String by) {
    return engine().pause(runId, by);
  }

  /** Resumes a paused run; false when it was not paused. */
  public boolean resume(String runId, String by) {
    return engine().resume(runId, by);
  }

  /** Cancels a run; false when it had ended. */
  public boolean cancel(String runId, String by) {
    return engine().cancel(runId, by);
  }

  /**
   * A run's status: {@code runId, workflowId, status, startedAt, endedAt, steps, pendingInputs}.
   */
  public Map<String, Object> status(String runId) {
    RunView view = engine().status(runId);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("runId", view.runId());
    out.put("workflowId", view.workflowId());
    out.put("status", view.status().name());
    out.put("startedAt", String.valueOf(view.startedAt()));
    out.put("endedAt", view.endedAt() == null ? null : view.endedAt().toString());
    Map<String, Object> steps = new LinkedHashMap<>();
    view.steps().forEach((path, s) -> steps.put(path, s.status().name()));
    out.put("steps", steps);
    out.put("pendingInputs", view.pendingInputs().stream().map(PendingInput::waitId).toList());
    out.put("outputs", view.outputs());
    return out;
  }

  /**
   * Answers a question a run waits on (a confirm decision, a human step) by its wait id; false when
   * it was answered already.
   */
  public boolean answer(String waitId, Object value, String by) {
    return engine().submitInput(waitId, value, by);
  }

  /** The questions runs wait on, oldest first. */
  public List<PendingInput> pendingInputs(int limit) {
    return engine().pendingInputs(limit);
  }

  /**
   * The default MPLP stage sequence as a workflow, validated by {@code baton}: create a context,
   * plan the objective in it, ask for the plan's approval, then trace the run.
   */
  public static WorkflowDefinition stageWorkflow(Baton baton) {
    return baton.loader().parse(stageWorkflowText(), STAGE_WORKFLOW).orThrow();
  }

  /** The default stage workflow's YAML text. */
  public static String stageWorkflowText() {
    try (InputStream in =
        WorkflowControl.class.getClassLoader().getResourceAsStream(STAGE_WORKFLOW)) {
      if (in == null) {
        throw new IllegalStateException(STAGE_WORKFLOW + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Baton engine() {
    Baton b = baton;
    if (b == null) {
      throw new StepException(
          ErrorKind.UNAVAILABLE,
          "the module hub is not attached to an engine: call ModuleHub.attach(baton) after building it");
    }
    return b;
  }
}
