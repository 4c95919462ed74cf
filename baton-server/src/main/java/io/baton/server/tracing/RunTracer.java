package io.baton.server.tracing;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.spi.RunListener;
import io.baton.api.time.TimeSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the engine's events into OpenTelemetry spans: one trace per run, a {@code run} span from
 * {@code RunStarted} to the run's end, a {@code step} span per step attempt under it (under the
 * enclosing step for a nested path such as {@code loop/body}), and {@code model} and {@code tool}
 * spans under the step that made the call. Spans carry the engine's timestamps, so a trace shows
 * the run as the journal records it. A listener, so the engine knows nothing of tracing.
 */
public final class RunTracer implements RunListener {
  static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("baton.run.id");
  static final AttributeKey<String> WORKFLOW = AttributeKey.stringKey("baton.workflow.id");
  static final AttributeKey<String> VERSION = AttributeKey.stringKey("baton.workflow.version");
  static final AttributeKey<String> STEP = AttributeKey.stringKey("baton.step.id");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("baton.step.attempt");
  static final AttributeKey<String> STATUS = AttributeKey.stringKey("baton.status");
  static final AttributeKey<String> MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<String> AGENT = AttributeKey.stringKey("gen_ai.agent.name");
  static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<String> TOOL = AttributeKey.stringKey("gen_ai.tool.name");

  private final Tracer tracer;
  private final TimeSource clock;
  private final Map<String, RunSpans> runs = new ConcurrentHashMap<>();

  /**
   * A tracer of runs.
   *
   * @param tracer what starts the spans
   * @param clock the engine's clock, which ends the model and tool spans (emitted as they end)
   */
  public RunTracer(Tracer tracer, TimeSource clock) {
    this.tracer = tracer;
    this.clock = clock;
  }

  /** A run's open spans: the run's, and each running step's by path. */
  private record RunSpans(Span run, Map<String, Span> steps) {}

  @Override
  public void onEvent(JournalEntry entry) {
    RunEvent event = entry.event();
    String runId = entry.runId();
    switch (event) {
      case RunEvent.RunStarted s -> started(runId, s);
      case RunEvent.StepStarted s -> stepStarted(runId, s);
      case RunEvent.StepCompleted s -> endStep(runId, s.path(), s.at(), "COMPLETED", null);
      case RunEvent.StepFailed s ->
          endStep(runId, s.path(), s.at(), "FAILED", s.failure().message());
      case RunEvent.StepCancelled s -> endStep(runId, s.path(), s.at(), "CANCELLED", null);
      case RunEvent.RunCompleted s -> endRun(runId, s.at(), "COMPLETED", null);
      case RunEvent.RunFailed s -> endRun(runId, s.at(), "FAILED", s.failure().message());
      case RunEvent.RunCancelled s -> endRun(runId, s.at(), "CANCELLED", null);
      case RunEvent.RunTimedOut s -> endRun(runId, s.at(), "TIMED_OUT", "the run timed out");
      default -> {}
    }
  }

  private void started(String runId, RunEvent.RunStarted s) {
    Span span =
        tracer
            .spanBuilder("run " + s.workflowId())
            .setNoParent()
            .setSpanKind(SpanKind.INTERNAL)
            .setStartTimestamp(s.at())
            .setAttribute(RUN_ID, runId)
            .setAttribute(WORKFLOW, s.workflowId())
            .setAttribute(VERSION, String.valueOf(s.workflowVersion()))
            .startSpan();
    runs.put(runId, new RunSpans(span, new ConcurrentHashMap<>()));
  }

  private void stepStarted(String runId, RunEvent.StepStarted s) {
    RunSpans spans = runs.get(runId);
    if (spans == null) {
      return; // a run started before this server did: its trace began elsewhere
    }
    Span span =
        tracer
            .spanBuilder("step " + s.path())
            .setParent(Context.root().with(parentOf(spans, s.path())))
            .setStartTimestamp(s.at())
            .setAttribute(RUN_ID, runId)
            .setAttribute(STEP, s.path())
            .setAttribute(ATTEMPT, (long) s.attempt())
            .startSpan();
    spans.steps().put(s.path(), span);
  }

  /** The innermost open step enclosing {@code path}, else the run. */
  private static Span parentOf(RunSpans spans, String path) {
    for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      Span enclosing = spans.steps().get(path.substring(0, slash));
      if (enclosing != null) {
        return enclosing;
      }
    }
    return spans.run();
  }

  private void endStep(String runId, String path, Instant at, String status, String error) {
    RunSpans spans = runs.get(runId);
    Span span = spans == null ? null : spans.steps().remove(path);
    if (span != null) {
      end(span, at, status, error);
    }
  }

  private void endRun(String runId, Instant at, String status, String error) {
    RunSpans spans = runs.remove(runId);
    if (spans == null) {
      return;
    }
    spans.steps().values().forEach(step -> end(step, at, status, "the run ended first"));
    end(spans.run(), at, status, error);
  }

  private static void end(Span span, Instant at, String status, String error) {
    span.setAttribute(STATUS, status);
    if (error != null) {
      span.setStatus(StatusCode.ERROR, error);
    } else if (status.equals("COMPLETED")) {
      span.setStatus(StatusCode.OK);
    }
    span.end(at);
  }

  @Override
  public void onStepEmit(String runId, String path, String type, Object data) {
    if (!(data instanceof Map<?, ?> call) || !(type.equals("ai.call") || type.equals("ai.tool"))) {
      return;
    }
    RunSpans spans = runs.get(runId);
    if (spans == null) {
      return;
    }
    Span parent = spans.steps().getOrDefault(path, spans.run());
    Instant now = clock.now();
    Object startedAt = call.get("startedAt");
    var builder =
        tracer
            .spanBuilder(
                type.equals("ai.call") ? "model " + call.get("model") : "tool " + call.get("tool"))
            .setParent(Context.root().with(parent))
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(RUN_ID, runId)
            .setAttribute(STEP, path);
    if (startedAt != null) {
      builder.setStartTimestamp(Instant.parse(startedAt.toString()));
    }
    Span span = builder.startSpan();
    if (type.equals("ai.call")) {
      span.setAttribute(MODEL, String.valueOf(call.get("model")));
      span.setAttribute(AGENT, String.valueOf(call.get("agent")));
      if (call.get("usage") instanceof Map<?, ?> usage) {
        span.setAttribute(INPUT_TOKENS, number(usage.get("inputTokens")));
        span.setAttribute(OUTPUT_TOKENS, number(usage.get("outputTokens")));
      }
    } else {
      span.setAttribute(TOOL, String.valueOf(call.get("tool")));
      if (call.get("error") != null) {
        span.setStatus(StatusCode.ERROR, String.valueOf(call.get("error")));
      }
    }
    span.end(now);
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
