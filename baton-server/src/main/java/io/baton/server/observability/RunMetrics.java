package io.baton.server.observability;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.spi.RunListener;
import io.baton.engine.Baton;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Micrometer metrics of runs and steps, from the journal events (so durations are in the engine's
 * time): {@code baton.runs.started}, {@code baton.runs.ended{status}}, {@code baton.runs.active},
 * {@code baton.steps.ended{status}}, {@code baton.step.duration} and {@code baton.step.queue.wait}
 * (histograms with P50/P95/P99), {@code baton.steps.queued} (ready steps not started yet). The
 * alert rules read the same figures through {@link #window()}.
 */
@Component
public class RunMetrics implements RunListener {
  private final MeterRegistry registry;
  private final Counter started;
  private final Timer stepDuration;
  private final Timer queueWait;
  private final AtomicLong active = new AtomicLong();
  private final AtomicLong queued = new AtomicLong();
  private final Map<String, Instant> scheduledAt = new ConcurrentHashMap<>();
  private final Map<String, Instant> startedAt = new ConcurrentHashMap<>();
  private final MetricWindow window;

  RunMetrics(MeterRegistry registry, Baton baton, io.baton.api.time.TimeSource clock) {
    this.registry = registry;
    this.window = new MetricWindow(clock);
    this.started =
        Counter.builder("baton.runs.started").description("runs started").register(registry);
    this.stepDuration =
        Timer.builder("baton.step.duration")
            .description("time from a step attempt's start to its end")
            .publishPercentiles(0.5, 0.95, 0.99)
            .publishPercentileHistogram()
            .register(registry);
    this.queueWait =
        Timer.builder("baton.step.queue.wait")
            .description("time a ready step waited for an executor")
            .publishPercentiles(0.5, 0.95, 0.99)
            .register(registry);
    registry.gauge("baton.runs.active", active);
    registry.gauge("baton.steps.queued", queued);
    baton.addListener(this);
  }

  @Override
  public void onEvent(JournalEntry entry) {
    String key = entry.runId() + "|" + RunEvent.stepPath(entry.event());
    switch (entry.event()) {
      case RunEvent.RunStarted e -> {
        started.increment();
        active.incrementAndGet();
      }
      case RunEvent.RunCompleted e -> runEnded("completed", false);
      case RunEvent.RunFailed e -> runEnded("failed", true);
      case RunEvent.RunCancelled e -> runEnded("cancelled", false);
      case RunEvent.RunTimedOut e -> runEnded("timed_out", true);
      case RunEvent.RunRetried e -> active.incrementAndGet();
      case RunEvent.StepScheduled e -> {
        scheduledAt.put(key, e.at());
        queued.incrementAndGet();
      }
      case RunEvent.StepStarted e -> {
        Instant scheduled = scheduledAt.remove(key);
        if (scheduled != null) {
          queued.decrementAndGet();
          queueWait.record(Duration.between(scheduled, e.at()));
        }
        startedAt.put(key, e.at());
      }
      case RunEvent.StepCompleted e -> stepEnded(key, "completed", e.at());
      case RunEvent.StepFailed e -> stepEnded(key, "failed", e.at());
      case RunEvent.StepSkipped e -> stepEnded(key, "skipped", e.at());
      case RunEvent.StepCancelled e -> {
        if (scheduledAt.remove(key) != null) {
          queued.decrementAndGet();
        }
        stepEnded(key, "cancelled", e.at());
      }
      default -> {}
    }
  }

  private void runEnded(String status, boolean failed) {
    active.decrementAndGet();
    registry.counter("baton.runs.ended", "status", status).increment();
    window.runEnded(failed);
  }

  private void stepEnded(String key, String status, Instant at) {
    registry.counter("baton.steps.ended", "status", status.toLowerCase(Locale.ROOT)).increment();
    Instant start = startedAt.remove(key);
    if (start != null) {
      Duration took = Duration.between(start, at);
      stepDuration.record(took);
      window.stepTook(took);
    }
  }

  /** Ready steps not started yet (the queue backlog). */
  public long queued() {
    return queued.get();
  }

  /** Runs started and not ended. */
  public long active() {
    return active.get();
  }

  /** The per-minute figures the alert rules read. */
  public MetricWindow window() {
    return window;
  }
}
