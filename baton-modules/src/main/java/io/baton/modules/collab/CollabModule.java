package io.baton.modules.collab;

import static io.baton.modules.spi.Call.fields;

import io.baton.modules.mplp.Mplp;
import io.baton.modules.spi.Call;
import io.baton.modules.spi.MplpModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MPLP {@code collab} module: collaborations (MPLP Collab documents) in the MPLP modes ({@code
 * broadcast}, {@code round_robin}, {@code orchestrated}, {@code swarm}, {@code pair}) with
 * turn-taking by mode and decisions by rule ({@link Decisions}).
 *
 * <p>{@code decide {collabId, options, votes, rule}} → {@code {rule, decision, tally, votes,
 * resolvedBy}}.
 */
public final class CollabModule extends MplpModule {
  static final String TYPE = "collab";
  private static final Set<String> MODES =
      Set.of("broadcast", "round_robin", "orchestrated", "swarm", "pair");
  private static final Set<String> KINDS = Set.of("agent", "human", "system", "external");
  private volatile String conflictPolicy = "priority";

  /** The module, with its operations. */
  public CollabModule() {
    super(TYPE, "Collaborations in the MPLP modes, turn-taking and decisions by rule.");
    operation(
        "create",
        "Creates a collaboration: title, purpose, mode, participants, contextId.",
        this::create);
    operation(
        "decide",
        "Decides between options by rule (consensus, majority, leader): options, votes, collabId.",
        this::decide);
    operation("next-turn", "Who acts next, by the mode: collabId, turn.", this::nextTurn);
    operation(
        "complete",
        "Completes a collaboration: collabId.",
        c -> summary(setStatus(c, "completed")));
  }

  @Override
  public List<Reserved> reserved() {
    return List.of(
        new Reserved(
            "decide", "conflict-resolution", "Resolves a decision the rule could not reach."));
  }

  @Override
  public List<String> dependencies() {
    return List.of("context");
  }

  /** Accepts {@code conflictResolution}: {@code priority} (default) or {@code timestamp}. */
  @Override
  public void configure(Map<String, Object> config) {
    Object policy = config.getOrDefault("conflictResolution", "priority");
    if (!Set.of("priority", "timestamp").contains(String.valueOf(policy))) {
      throw new IllegalArgumentException(
          "collab configuration 'conflictResolution' must be priority or timestamp, not '"
              + policy
              + "'");
    }
    conflictPolicy = String.valueOf(policy);
  }

  private Object create(Call c) {
    String mode = c.text("mode", "orchestrated");
    if (!MODES.contains(mode)) {
      throw c.badInput("mode '" + mode + "' is not one of " + MODES);
    }
    List<Object> participants = new ArrayList<>();
    for (Object p : c.list("participants")) {
      Map<?, ?> m = p instanceof Map<?, ?> map ? map : Map.of("id", String.valueOf(p));
      String kind = String.valueOf(m.get("kind") == null ? "agent" : m.get("kind"));
      if (!KINDS.contains(kind)) {
        throw c.badInput("participant kind '" + kind + "' is not one of " + KINDS);
      }
      participants.add(
          fields(
              "participant_id",
              String.valueOf(first(m, "id", "agent", "participant_id")),
              "role_id",
              first(m, "role", "role_id"),
              "kind",
              kind,
              "display_name",
              first(m, "name", "display_name")));
    }
    if (participants.isEmpty() || ("pair".equals(mode) && participants.size() != 2)) {
      throw c.badInput(
          "pair".equals(mode)
              ? "a pair has exactly two participants"
              : "'participants' must name at least one participant");
    }
    Object context =
        c.invoke("context", "ensure-context", fields("contextId", c.text("contextId", null)));
    String id = c.newId();
    Map<String, Object> doc = c.document("collab_id", id);
    doc.put("context_id", ((Map<?, ?>) context).get("contextId"));
    doc.put("title", c.text("title", "Collaboration"));
    doc.put("purpose", c.text("purpose", c.text("title", "Collaboration")));
    doc.put("mode", mode);
    doc.put("status", "active");
    doc.put("participants", participants);
    doc.put("created_at", Mplp.time(c.now()));
    Call.addEvent(doc, c.event("collab.created", null));
    Map<String, Object> saved =
        c.entities().create(TYPE, id, c.runId() == null ? "api" : c.runId(), doc);
    c.publish("collab.created", fields("collabId", id, "mode", mode));
    return summary(saved);
  }

  /** The first of {@code keys} that {@code m} has a value for, or null. */
  private static Object first(Map<?, ?> m, String... keys) {
    for (String k : keys) {
      if (m.get(k) != null) {
        return m.get(k);
      }
    }
    return null;
  }

  private Object decide(Call c) throws Exception {
    String rule = c.text("rule", c.text("mode", "majority"));
    Map<String, Object> outcome = Decisions.decide(c, rule, conflictPolicy);
    String collabId = c.text("collabId", null);
    if (collabId != null) {
      c.entities()
          .update(
              TYPE,
              collabId,
              d -> {
                Call.addEvent(
                    d,
                    c.event(
                        "collab.decided",
                        fields(
                            "rule",
                            rule,
                            "decision",
                            outcome.get("decision"),
                            "resolved_by",
                            outcome.get("resolvedBy"))));
                d.put("updated_at", Mplp.time(c.now()));
              });
      outcome.put("collabId", collabId);
    }
    c.publish("collab.decided", outcome);
    return outcome;
  }

  @SuppressWarnings("unchecked")
  private Object nextTurn(Call c) {
    Map<String, Object> doc = c.entities().get(TYPE, c.required("collabId"));
    List<Map<String, Object>> participants = (List<Map<String, Object>>) doc.get("participants");
    int turn = Integer.parseInt(c.text("turn", "0"));
    List<Map<String, Object>> next =
        switch (String.valueOf(doc.get("mode"))) {
          case "round_robin" -> List.of(participants.get(Math.floorMod(turn, participants.size())));
          case "orchestrated" -> List.of(participants.getFirst());
          case "pair" -> List.of(participants.get(Math.floorMod(turn, 2)));
          default -> participants; // broadcast, swarm: everyone acts
        };
    return fields(
        "collabId",
        doc.get("collab_id"),
        "mode",
        doc.get("mode"),
        "turn",
        turn,
        "next",
        next.stream().map(p -> p.get("participant_id")).toList());
  }

  private Map<String, Object> setStatus(Call c, String status) {
    return c.entities()
        .update(
            TYPE,
            c.required("collabId"),
            d -> {
              d.put("status", status);
              d.put("updated_at", Mplp.time(c.now()));
              Call.addEvent(d, c.event("collab." + status, null));
            });
  }

  private static Map<String, Object> summary(Map<String, Object> doc) {
    return fields(
        "collabId",
        doc.get("collab_id"),
        "contextId",
        doc.get("context_id"),
        "mode",
        doc.get("mode"),
        "status",
        doc.get("status"),
        "participants",
        doc.get("participants"),
        "collab",
        doc);
  }
}
