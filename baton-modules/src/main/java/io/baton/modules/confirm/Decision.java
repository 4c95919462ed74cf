package io.baton.modules.confirm;

import io.baton.modules.spi.Call;
import java.util.List;
import java.util.Map;

/**
 * A decision on an approval request, as a person gives it (the answer to the approval's question)
 * or as the API carries it.
 *
 * @param action approve, reject, delegate, escalate or cancel
 * @param by who decided (recorded as the deciding role)
 * @param reason why, or null
 * @param to for delegate and escalate: who decides next, or null
 * @param decisionId set when the decision was already recorded (taken through the API)
 */
record Decision(String action, String by, String reason, String to, String decisionId) {
  static final List<String> ACTIONS =
      List.of("approve", "reject", "delegate", "escalate", "cancel");

  /** The form of the question a pending approval asks (a JSON Schema). */
  static final Map<String, Object> FORM =
      Map.of(
          "type", "object",
          "required", List.of("decision"),
          "properties",
              Map.of(
                  "decision",
                      Map.of(
                          "type",
                          "string",
                          "enum",
                          ACTIONS,
                          "description",
                          "approve, reject, delegate, escalate or cancel"),
                  "by", Map.of("type", "string", "description", "who decides (a role)"),
                  "reason", Map.of("type", "string", "description", "why"),
                  "to",
                      Map.of(
                          "type",
                          "string",
                          "description",
                          "delegate / escalate: who decides next")));

  /** Reads a decision from an answer: {@code {decision, by, reason, to}} or just the action. */
  static Decision from(Call c, Object answer, String answeredBy) {
    if (answer instanceof Map<?, ?> m) {
      String action = text(m.get("decision"), text(m.get("action"), null));
      return checked(
          c,
          new Decision(
              action,
              text(m.get("by"), answeredBy),
              text(m.get("reason"), null),
              text(m.get("to"), null),
              text(m.get("decisionId"), null)));
    }
    if (answer instanceof Boolean b) {
      return new Decision(b ? "approve" : "reject", answeredBy, null, null, null);
    }
    return checked(c, new Decision(text(answer, null), answeredBy, null, null, null));
  }

  private static Decision checked(Call c, Decision d) {
    if (d.action() == null || !ACTIONS.contains(d.action())) {
      throw c.badInput("a decision is one of " + ACTIONS + ", not '" + d.action() + "'");
    }
    if ("delegate".equals(d.action()) && d.to() == null) {
      throw c.badInput("delegating needs 'to': the role that decides instead");
    }
    return d;
  }

  private static String text(Object value, String fallback) {
    return value == null || String.valueOf(value).isBlank() ? fallback : String.valueOf(value);
  }
}
