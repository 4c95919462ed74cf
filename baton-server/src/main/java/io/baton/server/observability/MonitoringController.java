package io.baton.server.observability;

import io.baton.server.api.ApiError;
import io.baton.server.audit.AuditLog;
import io.baton.server.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health ({@code /api/v1/health}), a metrics summary for the UI ({@code /api/v1/metrics/summary};
 * Prometheus scrapes {@code /actuator/prometheus}), and alerts ({@code /api/v1/alerts}, resolve).
 */
@RestController
public class MonitoringController {
  private final HealthService health;
  private final AlertEngine alerts;
  private final RunMetrics metrics;
  private final MeterRegistry registry;
  private final AuditLog audit;

  MonitoringController(
      HealthService health,
      AlertEngine alerts,
      RunMetrics metrics,
      MeterRegistry registry,
      AuditLog audit) {
    this.health = health;
    this.alerts = alerts;
    this.metrics = metrics;
    this.registry = registry;
    this.audit = audit;
  }

  /** Each component's health and the overall status. */
  @GetMapping("/api/v1/health")
  public Map<String, Object> health() {
    return health.report();
  }

  /** The figures the UI's dashboard shows. */
  @GetMapping("/api/v1/metrics/summary")
  public Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("runsStarted", count("baton.runs.started"));
    Map<String, Double> ended = new LinkedHashMap<>();
    Search.in(registry)
        .name("baton.runs.ended")
        .counters()
        .forEach(c -> ended.put(c.getId().getTag("status"), c.count()));
    out.put("runsEnded", ended);
    out.put("runsActive", metrics.active());
    out.put("stepsQueued", metrics.queued());
    out.put("errorRate5m", metrics.window().errorRate(Duration.ofMinutes(5)));
    out.put("meanStepMs1m", metrics.window().meanStepDuration(Duration.ofMinutes(1)).toMillis());
    return out;
  }

  private double count(String name) {
    var counter = registry.find(name).counter();
    return counter == null ? 0 : counter.count();
  }

  /** Alerts, newest first ({@code ?status=active} for the active ones only), and the rules. */
  @GetMapping("/api/v1/alerts")
  public Map<String, Object> alerts(@RequestParam(required = false) String status) {
    return Map.of("alerts", alerts.list("active".equals(status)), "rules", alerts.rules());
  }

  /** Resolves an active alert by hand. */
  @PostMapping("/api/v1/alerts/{id}/resolve")
  public Alert resolve(Caller caller, @PathVariable String id) {
    Alert resolved =
        alerts
            .resolve(id, caller.subject())
            .orElseThrow(() -> ApiError.notFound("active alert", id));
    audit.record(caller, "alert.resolve", "alert", id, null, resolved);
    return resolved;
  }
}
