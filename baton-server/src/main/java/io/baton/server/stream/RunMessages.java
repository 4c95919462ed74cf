package io.baton.server.stream;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.WaitKind;
import io.baton.server.execution.ExecutionViews;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a run's journal, event by event, into the seed 002 stream messages: {@code
 * execution_started}, {@code node_started}, {@code node_completed}, {@code node_failed}, {@code
 * user_input_required}, {@code execution_paused}, {@code execution_completed}, and {@code log} for
 * every other event. Exactly one message per journal event, so offsets are journal positions.
 * Stateful (it remembers when steps started, for durations): fold a run's journal from the start.
 */
final class RunMessages {
  private final String runId;
  private final Function<RunEvent.RunStarted, StepTypes> typesOf;
  private final Map<String, Instant> started = new HashMap<>();
  private StepTypes types = new StepTypes(null);
  private Instant runStarted;

  /**
   * @param typesOf the step types of the run's workflow, looked up from its start event
   */
  RunMessages(String runId, Function<RunEvent.RunStarted, StepTypes> typesOf) {
    this.runId = runId;
    this.typesOf = typesOf;
  }

  /** The message reporting {@code entry}. */
  StreamMessage next(JournalEntry entry) {
    RunEvent event = entry.event();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("executionId", runId);
    String type =
        switch (event) {
          case RunEvent.RunStarted e -> started(e, data);
          case RunEvent.StepStarted e -> {
            started.put(e.path(), e.at());
            step(data, e.path(), "RUNNING", e.attempt());
            data.put("startedAt", e.at());
            yield "node_started";
          }
          case RunEvent.StepCompleted e -> {
            step(data, e.path(), "COMPLETED", e.attempt());
            data.put("output", e.output());
            ended(data, e.path(), e.at());
            yield "node_completed";
          }
          case RunEvent.StepFailed e -> failed(e, data);
          case RunEvent.StepWaiting e when e.kind() == WaitKind.HUMAN -> inputRequired(e, data);
          case RunEvent.RunPaused e -> {
            data.put("reason", "paused by " + e.by());
            data.put("by", e.by());
            yield "execution_paused";
          }
          case RunEvent.RunCompleted e -> completed(data, "COMPLETED", e.at(), e.outputs(), null);
          case RunEvent.RunFailed e -> {
            data.put("failedStep", e.path());
            yield completed(data, "FAILED", e.at(), null, ExecutionViews.error(e.failure()));
          }
          case RunEvent.RunCancelled e -> {
            data.put("reason", e.reason());
            yield completed(data, "CANCELLED", e.at(), null, null);
          }
          case RunEvent.RunTimedOut e -> completed(data, "TIMED_OUT", e.at(), null, null);
          default -> log(event, data);
        };
    return new StreamMessage(type, entry.seq(), runId, event.at(), data, null);
  }

  private String started(RunEvent.RunStarted e, Map<String, Object> data) {
    types = typesOf.apply(e);
    runStarted = e.at();
    data.put("workflowId", e.workflowId());
    data.put("workflowVersion", e.workflowVersion());
    data.put("inputs", e.inputs());
    data.put("parentRunId", e.parentRunId());
    data.put("forkOf", e.forkOf());
    return "execution_started";
  }

  private String failed(RunEvent.StepFailed e, Map<String, Object> data) {
    step(data, e.path(), e.retryAt() != null ? "RETRYING" : "FAILED", e.attempt());
    data.put("error", ExecutionViews.error(e.failure()));
    data.put("retryable", e.failure().retryable());
    data.put("retryAt", e.retryAt());
    ended(data, e.path(), e.at());
    return "node_failed";
  }

  private String inputRequired(RunEvent.StepWaiting e, Map<String, Object> data) {
    step(data, e.path(), "WAITING", e.attempt());
    data.put("waitId", e.waitId());
    data.put("prompt", e.details().get("prompt"));
    data.put("form", e.details().get("form"));
    data.put("assignees", e.details().get("assignees"));
    data.put("deadline", e.deadline());
    data.put(
        "timeoutSeconds",
        e.deadline() == null ? null : Duration.between(e.at(), e.deadline()).toSeconds());
    return "user_input_required";
  }

  private String completed(
      Map<String, Object> data, String status, Instant at, Object outputs, Object error) {
    data.put("status", status);
    data.put("outputs", outputs);
    data.put("error", error);
    data.put("durationMs", runStarted == null ? null : Duration.between(runStarted, at).toMillis());
    return "execution_completed";
  }

  private static String log(RunEvent event, Map<String, Object> data) {
    String path = RunEvent.stepPath(event);
    data.put("level", event instanceof RunEvent.StepCancelled ? "warn" : "info");
    data.put("event", event.getClass().getSimpleName());
    if (path != null) {
      data.put("path", path);
      data.put("nodeId", ExecutionViews.lastSegment(path));
    }
    data.put("message", LogText.of(event));
    return "log";
  }

  private void step(Map<String, Object> data, String path, String status, int attempt) {
    String stepId = ExecutionViews.lastSegment(path);
    data.put("path", path);
    data.put("stepId", stepId);
    data.put("nodeId", stepId);
    data.put("type", types.of(stepId));
    data.put("status", status);
    data.put("attempt", attempt);
  }

  private void ended(Map<String, Object> data, String path, Instant at) {
    Instant start = started.get(path);
    data.put("startedAt", start);
    data.put("endedAt", at);
    data.put("durationMs", start == null ? null : Duration.between(start, at).toMillis());
  }
}
