package io.baton.modules.internal;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.spi.RunListener;
import io.baton.modules.ModuleHub;
import io.baton.modules.mplp.Mplp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@code trace} module with the journal of the runs it monitors: each step becomes a
 * segment (running, then completed, failed, skipped or cancelled) and the run's end ends the trace.
 * Monitoring starts when {@code trace.start-monitoring} publishes {@code trace.started} for a run.
 */
public final class TraceRecorder implements RunListener {
  private static final Logger LOG = LoggerFactory.getLogger(TraceRecorder.class);
  private final ModuleHub hub;
  private final Map<String, String> traceOfRun = new ConcurrentHashMap<>();

  public TraceRecorder(ModuleHub hub) {
    this.hub = hub;
    hub.bus()
        .subscribe(
            "trace",
            Set.of("trace.started", "trace.stopped"),
            m -> {
              Object runId = m.payload().get("runId");
              Object traceId = m.payload().get("traceId");
              if (runId != null && "trace.started".equals(m.type())) {
                traceOfRun.put(runId.toString(), traceId.toString());
              } else if (runId != null) {
                traceOfRun.remove(runId.toString(), String.valueOf(traceId));
              }
            });
  }

  @Override
  public void onEvent(JournalEntry entry) {
    String traceId = traceOfRun.get(entry.runId());
    if (traceId == null) {
      return;
    }
    try {
      record(traceId, entry.event());
    } catch (RuntimeException e) {
      // Tracing must never break the run it observes.
      LOG.warn(
          "could not record {} of run {} in trace {}", entry.event(), entry.runId(), traceId, e);
    }
  }

  private void record(String traceId, RunEvent event) {
    switch (event) {
      case RunEvent.StepStarted e -> segment(traceId, e.path(), "running", e);
      case RunEvent.StepCompleted e -> segment(traceId, e.path(), "completed", e);
      case RunEvent.StepFailed e when e.retryAt() == null ->
          segment(traceId, e.path(), "failed", e);
      case RunEvent.StepSkipped e -> segment(traceId, e.path(), "skipped", e);
      case RunEvent.StepCancelled e -> segment(traceId, e.path(), "cancelled", e);
      case RunEvent.RunCompleted e -> stop(traceId, "completed", e);
      case RunEvent.RunFailed e -> stop(traceId, "failed", e);
      case RunEvent.RunCancelled e -> stop(traceId, "cancelled", e);
      case RunEvent.RunTimedOut e -> stop(traceId, "failed", e);
      default -> {}
    }
  }

  private void segment(String traceId, String path, String status, RunEvent event) {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("traceId", traceId);
    in.put("label", path);
    in.put("status", status);
    in.put("at", Mplp.time(event.at()));
    hub.invoke("trace", "record", in);
  }

  private void stop(String traceId, String status, RunEvent event) {
    hub.invoke(
        "trace",
        "stop-monitoring",
        Map.of("traceId", traceId, "status", status, "at", Mplp.time(event.at())));
  }
}
