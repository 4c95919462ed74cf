package io.baton.server.observability;

import io.baton.server.api.ApiError;
import io.baton.server.audit.AuditLog;
import io.baton.server.security.Caller;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alert rules: {@code GET /api/v1/alerts/rules} (any role), create, replace and delete (admin),
 * every change audited. The engine evaluates the changed rules from its next evaluation on.
 */
@RestController
public class AlertRuleController {
  private final AlertRuleStore rules;
  private final AuditLog audit;

  AlertRuleController(AlertRuleStore rules, AuditLog audit) {
    this.rules = rules;
    this.audit = audit;
  }

  /** Every rule. */
  @GetMapping("/api/v1/alerts/rules")
  public List<AlertRule> list() {
    return rules.list();
  }

  /** One rule. */
  @GetMapping("/api/v1/alerts/rules/{id}")
  public AlertRule get(@PathVariable String id) {
    return rules.find(id).orElseThrow(() -> ApiError.notFound("alert rule", id));
  }

  /** Adds a rule → 201; an id in use → 409. */
  @PostMapping("/api/v1/alerts/rules")
  public ResponseEntity<AlertRule> create(Caller caller, @RequestBody AlertRule rule) {
    AlertRuleStore.check(rule);
    if (rules.find(rule.id()).isPresent()) {
      throw ApiError.conflict(
          "an alert rule with id '" + rule.id() + "' exists: replace it with PUT");
    }
    rules.save(rule);
    audit.record(caller, "alert-rule.create", "alert-rule", rule.id(), null, rule);
    return ResponseEntity.status(HttpStatus.CREATED).body(rule);
  }

  /** Replaces a rule. */
  @PutMapping("/api/v1/alerts/rules/{id}")
  public AlertRule replace(Caller caller, @PathVariable String id, @RequestBody AlertRule rule) {
    AlertRule before = get(id);
    if (!id.equals(rule.id())) {
      throw ApiError.badField(
          "/id",
          "id-mismatch",
          "the rule's id '" + rule.id() + "' is not the path's, '" + id + "'");
    }
    rules.save(rule);
    audit.record(caller, "alert-rule.update", "alert-rule", id, before, rule);
    return rule;
  }

  /** Deletes a rule → 204. */
  @DeleteMapping("/api/v1/alerts/rules/{id}")
  public ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
    AlertRule before = get(id);
    rules.delete(id);
    audit.record(caller, "alert-rule.delete", "alert-rule", id, before, null);
    return ResponseEntity.noContent().build();
  }
}
