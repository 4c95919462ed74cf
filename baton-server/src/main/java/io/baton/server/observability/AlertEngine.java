package io.baton.server.observability;

import io.baton.api.time.TimeSource;
import io.baton.server.config.BatonProperties;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evaluates the alert rules ({@link AlertRuleStore}) every {@code baton.alerts.evaluation-interval}
 * (on the server's clock): a rule whose figure has stayed above its threshold for its sustained
 * time raises an alert (once), which resolves by itself when the figure goes back, or by hand.
 * Raised and resolved alerts are stored, published as events ({@code alert.raised}, {@code
 * alert.resolved}) and sent to the webhooks.
 */
@Component
public class AlertEngine implements DisposableBean {
  /** Alerts are system-wide: their events go to this namespace. */
  public static final String NAMESPACE = "default";

  private final JdbcClient jdbc;
  private final TimeSource clock;
  private final RunMetrics metrics;
  private final AlertNotifier notifier;
  private final AlertRuleStore rules;
  private final Map<String, Instant> breachingSince = new HashMap<>();
  private final Duration interval;
  private volatile TimeSource.Cancellable next;
  private volatile boolean stopped;

  AlertEngine(
      JdbcClient jdbc,
      TimeSource clock,
      RunMetrics metrics,
      AlertNotifier notifier,
      AlertRuleStore rules,
      BatonProperties properties) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.clock = clock;
    this.metrics = metrics;
    this.notifier = notifier;
    this.interval = properties.alerts().evaluationInterval();
    scheduleNext();
  }

  private void scheduleNext() {
    if (!stopped) {
      next =
          clock.schedule(
              clock.now().plus(interval),
              () -> {
                evaluate();
                scheduleNext();
              });
    }
  }

  /** The rules. */
  public List<AlertRule> rules() {
    return rules.list();
  }

  /** Evaluates every rule now. */
  public synchronized void evaluate() {
    Instant now = clock.now();
    List<AlertRule> current = rules.list();
    breachingSince.keySet().retainAll(current.stream().map(AlertRule::id).toList());
    for (AlertRule rule : current) {
      double value = measure(rule.measure());
      Optional<Alert> active = active(rule.id());
      if (rule.condition().breached(value, rule.threshold())) {
        Instant since = breachingSince.computeIfAbsent(rule.id(), r -> now);
        if (active.isEmpty()
            && !Duration.between(since, now).minus(rule.sustained()).isNegative()) {
          raise(rule, value, now);
        }
      } else {
        breachingSince.remove(rule.id());
        active.ifPresent(a -> resolve(a.alertId(), "auto"));
      }
    }
  }

  double measure(AlertRule.Measure measure) {
    return switch (measure) {
      case ERROR_RATE -> metrics.window().errorRate(Duration.ofMinutes(5));
      case STEP_LATENCY_SECONDS ->
          metrics.window().meanStepDuration(Duration.ofMinutes(1)).toMillis() / 1000.0;
      case QUEUE_BACKLOG -> metrics.queued();
      case MEMORY_USAGE -> {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        yield heap.getMax() <= 0 ? 0 : (double) heap.getUsed() / heap.getMax();
      }
    };
  }

  private void raise(AlertRule rule, double value, Instant now) {
    Alert alert =
        new Alert(
            UUID.randomUUID().toString(),
            rule.id(),
            rule.severity(),
            rule.description()
                + " (now "
                + String.format(java.util.Locale.ROOT, "%.3f", value)
                + ")",
            "active",
            value,
            now,
            null,
            null);
    jdbc.sql(
            "insert into srv_alert (alert_id, rule_id, severity, message, status, observed,"
                + " raised_at) values (:id, :rule, :sev, :msg, 'active', :v, :at)")
        .param("id", alert.alertId())
        .param("rule", alert.ruleId())
        .param("sev", alert.severity())
        .param("msg", alert.message())
        .param("v", value)
        .param("at", Timestamp.from(now))
        .update();
    announce("alert.raised", alert);
  }

  /** Resolves an active alert; empty when there is no such active alert. */
  public synchronized Optional<Alert> resolve(String alertId, String by) {
    int changed =
        jdbc.sql(
                "update srv_alert set status = 'resolved', resolved_at = :at, resolved_by = :by"
                    + " where alert_id = :id and status = 'active'")
            .param("at", Timestamp.from(clock.now()))
            .param("by", by)
            .param("id", alertId)
            .update();
    if (changed == 0) {
      return Optional.empty();
    }
    Alert alert = find(alertId).orElseThrow();
    announce("alert.resolved", alert);
    return Optional.of(alert);
  }

  private void announce(String type, Alert alert) {
    notifier.announce(type, alert);
  }

  /** Alerts, newest first: only the active ones, or all. */
  public List<Alert> list(boolean activeOnly) {
    return jdbc.sql(
            "select * from srv_alert"
                + (activeOnly ? " where status = 'active'" : "")
                + " order by raised_at desc fetch first 500 rows only")
        .query((rs, n) -> read(rs))
        .list();
  }

  private Optional<Alert> active(String ruleId) {
    return jdbc.sql("select * from srv_alert where rule_id = :r and status = 'active'")
        .param("r", ruleId)
        .query((rs, n) -> read(rs))
        .optional();
  }

  private Optional<Alert> find(String alertId) {
    return jdbc.sql("select * from srv_alert where alert_id = :id")
        .param("id", alertId)
        .query((rs, n) -> read(rs))
        .optional();
  }

  private static Alert read(java.sql.ResultSet rs) throws java.sql.SQLException {
    Timestamp resolved = rs.getTimestamp("resolved_at");
    return new Alert(
        rs.getString("alert_id"),
        rs.getString("rule_id"),
        rs.getString("severity"),
        rs.getString("message"),
        rs.getString("status"),
        rs.getDouble("observed"),
        rs.getTimestamp("raised_at").toInstant(),
        resolved == null ? null : resolved.toInstant(),
        rs.getString("resolved_by"));
  }

  @Override
  public void destroy() {
    stopped = true;
    TimeSource.Cancellable pending = next;
    if (pending != null) {
      pending.cancel();
    }
  }
}
