package io.baton.server.observability;

import io.baton.server.api.ApiError;
import io.baton.server.config.BatonProperties;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert rules, stored in the server's tables so that the API can change them: on a start with
 * none stored, {@code baton.alerts.rules} (or, when that is empty, seed 002's four rules) are
 * stored. Deleting every rule therefore brings the configured ones back at the next start.
 */
@Component
public class AlertRuleStore {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
  private static final Pattern SEVERITY = Pattern.compile("P[1-4]");

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AlertRuleStore(JdbcClient jdbc, JsonMapper json, BatonProperties properties) {
    this.jdbc = jdbc;
    this.json = json;
    if (list().isEmpty()) {
      List<AlertRule> configured = properties.alerts().rules();
      (configured.isEmpty() ? AlertRule.defaults() : configured).forEach(this::save);
    }
  }

  /** Every rule, by id. */
  public List<AlertRule> list() {
    return jdbc.sql("select rule_json from srv_alert_rule order by id")
        .query((rs, n) -> json.readValue(rs.getString(1), AlertRule.class))
        .list();
  }

  /** The rule with this id. */
  public Optional<AlertRule> find(String id) {
    return jdbc.sql("select rule_json from srv_alert_rule where id = :id")
        .param("id", id)
        .query((rs, n) -> json.readValue(rs.getString(1), AlertRule.class))
        .optional();
  }

  /** Stores a rule (new or replacing the one with its id) after checking it. */
  public AlertRule save(AlertRule rule) {
    check(rule);
    String body = json.writeValueAsString(rule);
    int updated =
        jdbc.sql("update srv_alert_rule set rule_json = :b where id = :id")
            .param("b", body)
            .param("id", rule.id())
            .update();
    if (updated == 0) {
      jdbc.sql("insert into srv_alert_rule (id, rule_json) values (:id, :b)")
          .param("id", rule.id())
          .param("b", body)
          .update();
    }
    return rule;
  }

  /** Deletes a rule; false when there is none with this id. */
  public boolean delete(String id) {
    return jdbc.sql("delete from srv_alert_rule where id = :id").param("id", id).update() > 0;
  }

  /** Refuses a rule with a missing or wrong field, naming the field. */
  static void check(AlertRule rule) {
    if (rule.id() == null || !ID.matcher(rule.id()).matches()) {
      throw ApiError.badField(
          "/id", "invalid-id", "id is lower-case letters, digits and '-', was '" + rule.id() + "'");
    }
    if (rule.severity() == null || !SEVERITY.matcher(rule.severity()).matches()) {
      throw ApiError.badField(
          "/severity", "invalid-severity", "severity is P1, P2, P3 or P4, was " + rule.severity());
    }
    if (rule.measure() == null) {
      throw ApiError.badField(
          "/measure", "missing-field", "measure is one of " + List.of(AlertRule.Measure.values()));
    }
    if (rule.condition() == null) {
      throw ApiError.badField("/condition", "missing-field", "condition is ABOVE or BELOW");
    }
    if (!Double.isFinite(rule.threshold())) {
      throw ApiError.badField("/threshold", "invalid-threshold", "threshold is a number");
    }
    if (rule.sustained() == null || rule.sustained().compareTo(Duration.ZERO) < 0) {
      throw ApiError.badField(
          "/sustained",
          "invalid-duration",
          "sustained is a duration of 0 or more (ISO 8601, e.g. PT5M), was " + rule.sustained());
    }
  }
}
