package io.baton.ai.tool;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepFailure;
import io.baton.api.run.StepView;
import io.baton.api.spi.StepContext;
import io.baton.api.time.IdGenerator;
import io.baton.engine.Baton;
import io.baton.engine.RunNotFoundException;
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
    Baton baton = attached(workflow);
    Map<String, Object> inputs = inputs(workflow, arguments);
    String runId = ids.newId();
    starting.accept(runId);
    return baton.start(workflow, inputs, StartRequest.of(runId, null)).await(timeout);
  }

  /**
   * As {@link #run(WorkflowDefinition, Map, Consumer)}, for a call a step makes: the run's id comes
   * from the call's idempotency key without its attempt, so that a step re-executed after a crash,
   * or retried, re-attaches to the run it started — awaiting it if it still goes, taking its
   * outputs if it completed — and starts another only when that one failed, was cancelled or timed
   * out (ids {@code wf-<workflow>-<key hash>.1}, {@code .2}, …).
   *
   * @param caller the step's context (or a tool call's, whose key names the call)
   * @param attaching told the run's id, and whether it is started ({@code true}) or re-attached
   */
  public RunView run(
      WorkflowDefinition workflow,
      Map<String, Object> arguments,
      StepContext caller,
      java.util.function.BiConsumer<String, Boolean> attaching) {
    Baton baton = attached(workflow);
    String base = "wf-" + workflow.id() + "-" + keyHash(attemptless(caller));
    int last = 0;
    RunView earlier = null;
    for (RunView found; (found = find(baton, base + "." + (last + 1))) != null; last++) {
      earlier = found;
    }
    if (earlier != null && !FAILED.contains(earlier.status())) {
      attaching.accept(earlier.runId(), false);
      return baton.await(earlier.runId(), timeout);
    }
    String runId = base + "." + (last + 1);
    attaching.accept(runId, true);
    return baton
        .start(workflow, inputs(workflow, arguments), StartRequest.of(runId, null))
        .await(timeout);
  }

  /** How a run ends that a retried call does not re-attach to. */
  private static final java.util.Set<RunStatus> FAILED =
      java.util.EnumSet.of(RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.TIMED_OUT);

  private Baton attached(WorkflowDefinition workflow) {
    Baton baton = engine.get();
    if (baton == null) {
      throw new IllegalStateException(
          "workflow '" + workflow.id() + "' cannot run: no engine is attached (BatonAi.attach)");
    }
    return baton;
  }

  private static Map<String, Object> inputs(
      WorkflowDefinition workflow, Map<String, Object> arguments) {
    return JsonSchemaCheck.withDefaults(
        workflow.inputs(), arguments == null ? Map.of() : arguments);
  }

  private static RunView find(Baton baton, String runId) {
    try {
      return baton.status(runId);
    } catch (RunNotFoundException e) {
      return null;
    }
  }

  /**
   * The caller's idempotency key ({@code runId/path/attempt}, then a tool call's name) without the
   * attempt: the same for every attempt of the step.
   */
  static String attemptless(StepContext caller) {
    String key = caller.idempotencyKey();
    String attempt = caller.runId() + "/" + caller.path() + "/" + caller.attempt();
    return key.startsWith(attempt)
        ? caller.runId() + "/" + caller.path() + key.substring(attempt.length())
        : key;
  }

  /** 16 hex digits of the key's SHA-256: run ids stay short whatever the run ids and paths. */
  private static String keyHash(String key) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
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
