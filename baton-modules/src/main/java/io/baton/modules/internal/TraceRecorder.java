package io.baton.modules.internal;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.spi.RunListener;
import io.baton.modules.ModuleHub;
import io.baton.modules.ModuleMessage;
import io.baton.modules.mplp.Mplp;
import io.baton.modules.store.StoredEntity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@code trace} module with what happens in the runs it monitors: each step becomes a
 * segment (running, then completed, failed, skipped or cancelled), the MPLP events other modules
 * publish for the run (an approval submitted, decided) are appended to the trace's {@code events},
 * and the run's end ends the trace. Monitoring starts when {@code trace.start-monitoring} publishes
 * {@code trace.started} for a run.
 *
 * <p>Which trace monitors a run is derived from the store (the running trace whose query column is
 * the run), and only cached here: after a restart, runs that were monitored still are.
 */
public final class TraceRecorder implements RunListener {
  private static final Logger LOG = LoggerFactory.getLogger(TraceRecorder.class);
  private static final String NONE = "";
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
                traceOfRun.put(runId.toString(), NONE);
              }
            });
    hub.bus().subscribe("trace", Set.of("*"), this::onModuleEvent);
  }

  /** Appends the MPLP event a module published for a monitored run to the run's trace. */
  private void onModuleEvent(ModuleMessage m) {
    if (!(m.payload().get("event") instanceof Map<?, ?> event)
        || m.payload().get("runId") == null) {
      return;
    }
    String runId = m.payload().get("runId").toString();
    String traceId = traceOf(runId);
    if (traceId != null) {
      hub.invoke("trace", "record-event", Map.of("traceId", traceId, "event", event));
    }
  }

  /** The running trace of {@code runId}, or null when the run is not monitored. */
  private String traceOf(String runId) {
    String traceId =
        traceOfRun.computeIfAbsent(
            runId,
            r ->
                hub.store().list("trace", "trace", r, 1000).stream()
                    .map(StoredEntity::document)
                    .filter(d -> "running".equals(d.get("status")))
                    .map(d -> (String) d.get("trace_id"))
                    .reduce((a, b) -> b)
                    .orElse(NONE));
    return traceId.equals(NONE) ? null : traceId;
  }

  @Override
  public void onEvent(JournalEntry entry) {
    String traceId = traceOf(entry.runId());
    try {
      if (traceId != null) {
        record(traceId, entry.event());
      }
    } catch (RuntimeException e) {
      // Tracing must never break the run it observes.
      LOG.warn(
          "could not record {} of run {} in trace {}", entry.event(), entry.runId(), traceId, e);
    } finally {
      if (ended(entry.event())) {
        traceOfRun.remove(entry.runId());
      }
    }
  }

  private static boolean ended(RunEvent event) {
    return event instanceof RunEvent.RunCompleted
        || event instanceof RunEvent.RunFailed
        || event instanceof RunEvent.RunCancelled
        || event instanceof RunEvent.RunTimedOut;
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
