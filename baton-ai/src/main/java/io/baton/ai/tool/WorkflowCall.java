package io.baton.ai.tool;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepFailure;
import io.baton.api.run.StepView;
import io.baton.api.time.IdGenerator;
import io.baton.engine.Baton;
import io.baton.engine.runtime.StartRequest;
import io.baton.engine.schema.JsonSchemaCheck;
import io.baton.engine.time.RandomIdGenerator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A workflow called like a function: its arguments become the run's inputs (with the {@code
 * default}s of the workflow's {@code inputs} schema, checked against it by the engine), the run is
 * awaited, and its outputs are the answer. What the {@code workflow} tool and Baton's MCP server
 * share.
 *
 * <pre>{@code
 * WorkflowCall call = new WorkflowCall(() -> baton, Duration.ofMinutes(5));
 * RunView end = call.run(flow, Map.of("amount", 1500), runId -> {});
 * if (end.status() == RunStatus.COMPLETED) use(end.outputs()); else fail(WorkflowCall.failure(end));
 * }</pre>
 */
public final class WorkflowCall {
  private final Supplier<Baton> engine;
  private final Duration timeout;
  private final IdGenerator ids = new RandomIdGenerator();

  /**
   * @param engine the engine that runs the workflow (a supplier, as tools are made before it is
   *     built)
   * @param timeout how long a call may wait for the run to end
   */
  public WorkflowCall(Supplier<Baton> engine, Duration timeout) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Runs {@code workflow} with {@code arguments} as its inputs and waits for it to end.
   *
   * @param starting told the run's id before the run starts, so that a listener keyed by it misses
   *     none of its events
   * @return the ended run: completed, failed, cancelled or timed out
   * @throws io.baton.engine.InvalidInputException when the arguments break the input schema
   * @throws io.baton.engine.RunTimeoutException when the run does not end within the timeout
   * @throws IllegalStateException when no engine is attached yet
   */
  public RunView run(
      WorkflowDefinition workflow, Map<String, Object> arguments, Consumer<String> starting) {
    Baton baton = engine.get();
    if (baton == null) {
      throw new IllegalStateException(
          "workflow '" + workflow.id() + "' cannot run: no engine is attached (BatonAi.attach)");
    }
    Map<String, Object> inputs =
        JsonSchemaCheck.withDefaults(workflow.inputs(), arguments == null ? Map.of() : arguments);
    String runId = ids.newId();
    starting.accept(runId);
    return baton.start(workflow, inputs, StartRequest.of(runId, null)).await(timeout);
  }

  /**
   * The outputs of a completed run as a JSON object: a map as is, anything else as {@code result}.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> outputObject(RunView run) {
    if (run.outputs() instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("result", run.outputs());
    return out;
  }

  /**
   * Why a run that did not complete ended, naming the workflow, the run, the failed step and its
   * message: {@code workflow 'pay' (run r-1) failed at step 'charge': card declined (bad_input)}.
   */
  public static String failure(RunView run) {
    String head = "workflow '" + run.workflowId() + "' (run " + run.runId() + ") ";
    if (run.status() != RunStatus.FAILED) {
      return head + "ended " + run.status().name().toLowerCase(java.util.Locale.ROOT);
    }
    StepFailure failure = run.failure();
    String step = failedStepId(run);
    return head
        + "failed"
        + (step == null ? "" : " at step '" + step + "'")
        + (failure == null
            ? ""
            : ": " + failure.message() + " (" + failure.kind().wireName() + ")");
  }

  /** The id of the step that failed the run, or null. */
  public static String failedStepId(RunView run) {
    if (run.failedStep() == null) {
      return null;
    }
    StepView step = run.step(run.failedStep());
    return step != null ? step.stepId() : run.failedStep();
  }
}
