package io.baton.modules.confirm;

import static io.baton.modules.spi.Call.fields;

import io.baton.modules.mplp.Mplp;
import io.baton.modules.spi.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state changes of an approval: decisions recorded in {@code decisions[]} (approve, reject,
 * cancel end it), hand-overs recorded as events (delegate, escalate keep it pending for the next
 * person), and re-requests after a rejection. Every change adds an event, whose id identifies it,
 * so that a change carried twice (through the API, then by the waiting run) is applied once.
 */
final class Approvals {
  /** Event data that routes an approval (who asks, where), not part of what it says. */
  private static final java.util.Set<String> ROUTING =
      java.util.Set.of("approvers", "run_id", "step");

  private Approvals() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> apply(
      Call c, Map<String, Object> doc, Decision d, String escalationRole) {
    String id = (String) doc.get("confirm_id");
    if (d.decisionId() != null
        && events(doc).stream().anyMatch(e -> d.decisionId().equals(e.get("event_id")))) {
      return doc;
    }
    if (!"pending".equals(doc.get("status"))) {
      throw c.badInput(
          "approval "
              + id
              + " is "
              + doc.get("status")
              + ", not pending; request it again with confirm.request-approval {confirmId}");
    }
    String status =
        switch (d.action()) {
          case "approve" -> "approved";
          case "reject" -> "rejected";
          case "cancel" -> "cancelled";
          default -> null;
        };
    Map<String, Object>[] recorded = new Map[1];
    Map<String, Object> updated =
        c.entities()
            .update(
                ConfirmModule.TYPE,
                id,
                doc2 -> {
                  Map<String, Object> where = where(doc2);
                  if (status != null) {
                    Map<String, Object> decision =
                        fields(
                            "decision_id",
                            c.newId(),
                            "status",
                            status,
                            "decided_by_role",
                            d.by() == null ? "human" : d.by(),
                            "decided_at",
                            Mplp.time(c.now()),
                            "reason",
                            d.reason());
                    ((List<Object>) doc2.computeIfAbsent("decisions", k -> new ArrayList<>()))
                        .add(decision);
                    doc2.put("status", status);
                    recorded[0] =
                        c.event(
                            "decision." + status,
                            fields(
                                "confirm_id",
                                id,
                                "decision_id",
                                decision.get("decision_id"),
                                "reason",
                                d.reason()));
                  } else {
                    String to = d.to() != null ? d.to() : escalationRole;
                    Map<String, Object> data = fields("by", d.by(), "to", to, "reason", d.reason());
                    data.putAll(where);
                    recorded[0] =
                        c.event(
                            "delegate".equals(d.action())
                                ? "confirm.delegated"
                                : "confirm.escalated",
                            data);
                  }
                  Call.addEvent(doc2, recorded[0]);
                });
    announce(c, updated, recorded[0], fields("by", d.by()));
    return updated;
  }

  /**
   * Publishes an event the approval recorded, for its subscribers and for the trace of the run that
   * asked for the approval: the event without the approval's routing data (run, step, approvers),
   * under {@code event}, with {@code confirmId} and {@code runId}.
   */
  static void announce(
      Call c, Map<String, Object> doc, Map<String, Object> event, Map<String, Object> extra) {
    Map<String, Object> shown = new java.util.LinkedHashMap<>(event);
    if (event.get("data") instanceof Map<?, ?> data) {
      Map<String, Object> kept = new java.util.LinkedHashMap<>();
      data.forEach(
          (k, v) -> {
            if (!ROUTING.contains(String.valueOf(k))) {
              kept.put(String.valueOf(k), v);
            }
          });
      shown.put("data", kept);
    }
    Map<String, Object> payload =
        fields(
            "confirmId",
            doc.get("confirm_id"),
            "runId",
            c.runId() != null ? c.runId() : where(doc).get("run_id"),
            "event",
            shown);
    payload.putAll(extra);
    c.publish((String) event.get("event_type"), payload);
  }

  /** Opens a decided approval again, for a new round of decisions (after a rejection). */
  static Map<String, Object> reopen(Call c, Map<String, Object> doc, Map<String, Object> where) {
    if ("pending".equals(doc.get("status")) || "approved".equals(doc.get("status"))) {
      return doc;
    }
    return c.entities()
        .update(
            ConfirmModule.TYPE,
            (String) doc.get("confirm_id"),
            d -> {
              d.put("status", "pending");
              Map<String, Object> data = fields("reason", c.text("reason", null));
              data.putAll(where);
              Call.addEvent(d, c.event("confirm.rerequested", data));
              if (c.text("reason", null) != null) {
                d.put("reason", c.text("reason", null));
              }
            });
  }

  /** Who decides now: the last delegate or escalation target, else the requested approvers. */
  static List<String> approvers(Map<String, Object> doc) {
    List<Map<String, Object>> events = events(doc);
    for (int i = events.size() - 1; i >= 0; i--) {
      Map<String, Object> e = events.get(i);
      Object data = e.get("data");
      if (data instanceof Map<?, ?> m && m.get("to") != null) {
        return List.of(String.valueOf(m.get("to")));
      }
      if (data instanceof Map<?, ?> m && m.get("approvers") instanceof List<?> l) {
        return l.stream().map(String::valueOf).toList();
      }
    }
    return List.of();
  }

  /** The run and step that last asked for this approval ({@code run_id}, {@code step}), if any. */
  static Map<String, Object> where(Map<String, Object> doc) {
    List<Map<String, Object>> events = events(doc);
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).get("data") instanceof Map<?, ?> m
          && m.get("run_id") != null
          && m.get("step") != null) {
        return fields("run_id", m.get("run_id"), "step", m.get("step"));
      }
    }
    return Map.of();
  }

  /** The id of the last change (the last event). */
  static String lastDecisionId(Map<String, Object> doc) {
    List<Map<String, Object>> events = events(doc);
    return events.isEmpty() ? null : (String) events.getLast().get("event_id");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> events(Map<String, Object> doc) {
    return (List<Map<String, Object>>) doc.getOrDefault("events", List.of());
  }
}
