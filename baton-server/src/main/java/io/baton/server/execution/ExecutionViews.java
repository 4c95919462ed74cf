package io.baton.server.execution;

import io.baton.api.run.PendingInput;
import io.baton.api.run.RunView;
import io.baton.api.run.StepFailure;
import io.baton.api.run.StepView;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The API's shapes of runs: {@code Execution}, {@code ExecutionDetail}, {@code StepDetail}. */
public final class ExecutionViews {
  private ExecutionViews() {}

  /**
   * A run in a listing.
   *
   * @param id the run's id
   * @param workflowId its workflow
   * @param workflowVersion its pinned version
   * @param status its status
   * @param createdAt when it was started
   */
  public record Execution(
      String id, String workflowId, String workflowVersion, String status, Instant createdAt) {}

  /**
   * A run with everything the run view shows.
   *
   * @param id the run's id
   * @param workflowId its workflow
   * @param workflowVersion its pinned version
   * @param status its status
   * @param inputs its inputs
   * @param outputs its outputs, once completed
   * @param error why it failed, or null
   * @param failedStep the path of the step that failed it, or null
   * @param startedAt when it started
   * @param endedAt when it ended, or null
   * @param steps every step that has state
   * @param pendingInputs the questions it waits on
   * @param offset the stream offset (journal position) of the last event this state includes, -1
   *     for none: a client shows this state and subscribes to the stream after it instead of
   *     replaying the run's history
   */
  public record ExecutionDetail(
      String id,
      String workflowId,
      String workflowVersion,
      String status,
      Map<String, Object> inputs,
      Object outputs,
      Map<String, Object> error,
      String failedStep,
      Instant startedAt,
      Instant endedAt,
      List<Map<String, Object>> steps,
      List<Map<String, Object>> pendingInputs,
      long offset) {}

  /** The detail of {@code run}. */
  public static ExecutionDetail detail(RunView run) {
    return new ExecutionDetail(
        run.runId(),
        run.workflowId(),
        run.workflowVersion(),
        run.status().name(),
        run.inputs(),
        run.outputs(),
        error(run.failure()),
        run.failedStep(),
        run.startedAt(),
        run.endedAt(),
        run.steps().values().stream().map(ExecutionViews::step).toList(),
        run.pendingInputs().stream().map(p -> pending(p, run)).toList(),
        run.lastSeq());
  }

  /** A step's {@code StepDetail}. */
  public static Map<String, Object> step(StepView s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("path", s.path());
    out.put("stepId", s.stepId());
    out.put("type", s.type());
    out.put("status", s.status().name());
    out.put("attempt", s.attempt());
    out.put("input", s.input());
    out.put("output", s.output());
    out.put("error", error(s.failure()));
    out.put("startedAt", s.startedAt());
    out.put("endedAt", s.endedAt());
    out.put(
        "durationMs",
        s.startedAt() != null && s.endedAt() != null
            ? Duration.between(s.startedAt(), s.endedAt()).toMillis()
            : null);
    out.put("waitId", s.waitId());
    out.put("tokens", tokens(s.usage()));
    out.put("cost", s.usage().get("cost"));
    return out;
  }

  /** The tokens a step's model calls used, {@code {input, output, total}}, or null for none. */
  private static Map<String, Object> tokens(Map<String, Number> usage) {
    Number in = usage.get("inputTokens");
    Number out = usage.get("outputTokens");
    if (in == null && out == null) {
      return null;
    }
    long input = in == null ? 0 : in.longValue();
    long output = out == null ? 0 : out.longValue();
    return Map.of("input", input, "output", output, "total", input + output);
  }

  /** A question as {@code PendingInput}; {@code createdAt} is when its step began waiting. */
  public static Map<String, Object> pending(PendingInput p, RunView run) {
    StepView step = run.step(p.path());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("waitId", p.waitId());
    out.put("executionId", p.runId());
    out.put("path", p.path());
    out.put("stepId", step == null ? lastSegment(p.path()) : step.stepId());
    out.put("prompt", p.prompt());
    out.put("form", p.form());
    out.put("assignees", p.assignees());
    out.put("createdAt", step == null ? null : step.startedAt());
    out.put("deadline", p.deadline());
    return out;
  }

  /** A failure as {@code {kind, category, message, retryable, details}}, or null. */
  public static Map<String, Object> error(StepFailure f) {
    if (f == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", f.kind().wireName());
    out.put("category", f.category().name().toLowerCase(Locale.ROOT));
    out.put("message", f.message());
    out.put("retryable", f.retryable());
    out.put("details", f.details());
    return out;
  }

  /** The step id at the end of a path ({@code fanout[3]/summarise} → {@code summarise}). */
  public static String lastSegment(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
