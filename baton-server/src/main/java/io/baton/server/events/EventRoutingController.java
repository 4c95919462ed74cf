package io.baton.server.events;

import io.baton.server.api.ApiError;
import io.baton.server.audit.AuditLog;
import io.baton.server.security.Caller;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How events are routed in the caller's namespace: triggers ({@code /api/v1/events/triggers}),
 * correlation rules ({@code /api/v1/events/correlations}), routes to webhooks ({@code
 * /api/v1/events/routes}) and dead letters ({@code /api/v1/events/dead-letters}: list, get, replay,
 * delete) and the reactions still to run ({@code /api/v1/events/reactions}). Changes are audited.
 */
@RestController
@RequestMapping("/api/v1/events")
public class EventRoutingController {
  private final EventTriggers triggers;
  private final CorrelationRules correlations;
  private final EventRoutes routes;
  private final DeadLetters deadLetters;
  private final EventOutbox outbox;
  private final EventBus bus;
  private final AuditLog audit;

  EventRoutingController(
      EventTriggers triggers,
      CorrelationRules correlations,
      EventRoutes routes,
      DeadLetters deadLetters,
      EventOutbox outbox,
      EventBus bus,
      AuditLog audit) {
    this.triggers = triggers;
    this.correlations = correlations;
    this.routes = routes;
    this.deadLetters = deadLetters;
    this.outbox = outbox;
    this.bus = bus;
    this.audit = audit;
  }

  /** The namespace's triggers. */
  @GetMapping("/triggers")
  public List<EventTrigger> triggers(Caller caller) {
    return triggers.list(caller.namespace());
  }

  /** Creates a trigger → 201. */
  @PostMapping("/triggers")
  public ResponseEntity<EventTrigger> createTrigger(
      Caller caller, @RequestBody Map<String, Object> body) {
    EventTrigger trigger = triggers.create(caller, body);
    audit.record(caller, "event-trigger.create", "event-trigger", trigger.id(), null, trigger);
    return ResponseEntity.created(URI.create("/api/v1/events/triggers/" + trigger.id()))
        .body(trigger);
  }

  /** One trigger. */
  @GetMapping("/triggers/{id}")
  public EventTrigger trigger(Caller caller, @PathVariable String id) {
    return triggers.get(caller.namespace(), id);
  }

  /** Deletes a trigger → 204. */
  @DeleteMapping("/triggers/{id}")
  public ResponseEntity<Void> deleteTrigger(Caller caller, @PathVariable String id) {
    EventTrigger gone = triggers.delete(caller.namespace(), id);
    audit.record(caller, "event-trigger.delete", "event-trigger", id, gone, null);
    return ResponseEntity.noContent().build();
  }

  /** The namespace's correlation rules. */
  @GetMapping("/correlations")
  public List<CorrelationRule> correlations(Caller caller) {
    return correlations.list(caller.namespace());
  }

  /** Creates a correlation rule → 201. */
  @PostMapping("/correlations")
  public ResponseEntity<CorrelationRule> createCorrelation(
      Caller caller, @RequestBody Map<String, Object> body) {
    CorrelationRule rule = correlations.create(caller, body);
    audit.record(caller, "correlation-rule.create", "correlation-rule", rule.id(), null, rule);
    return ResponseEntity.created(URI.create("/api/v1/events/correlations/" + rule.id()))
        .body(rule);
  }

  /** One correlation rule. */
  @GetMapping("/correlations/{id}")
  public CorrelationRule correlation(Caller caller, @PathVariable String id) {
    return correlations.get(caller.namespace(), id);
  }

  /** Deletes a correlation rule → 204. */
  @DeleteMapping("/correlations/{id}")
  public ResponseEntity<Void> deleteCorrelation(Caller caller, @PathVariable String id) {
    CorrelationRule gone = correlations.delete(caller.namespace(), id);
    audit.record(caller, "correlation-rule.delete", "correlation-rule", id, gone, null);
    return ResponseEntity.noContent().build();
  }

  /** The namespace's routes. */
  @GetMapping("/routes")
  public List<EventRoute> routes(Caller caller) {
    return routes.list(caller.namespace());
  }

  /** Creates a route → 201. */
  @PostMapping("/routes")
  public ResponseEntity<EventRoute> createRoute(
      Caller caller, @RequestBody Map<String, Object> body) {
    EventRoute route = routes.create(caller, body);
    audit.record(caller, "event-route.create", "event-route", route.id(), null, route);
    return ResponseEntity.created(URI.create("/api/v1/events/routes/" + route.id())).body(route);
  }

  /** One route. */
  @GetMapping("/routes/{id}")
  public EventRoute route(Caller caller, @PathVariable String id) {
    return routes.get(caller.namespace(), id);
  }

  /** Deletes a route → 204. */
  @DeleteMapping("/routes/{id}")
  public ResponseEntity<Void> deleteRoute(Caller caller, @PathVariable String id) {
    EventRoute gone = routes.delete(caller.namespace(), id);
    audit.record(caller, "event-route.delete", "event-route", id, gone, null);
    return ResponseEntity.noContent().build();
  }

  /** The namespace's dead letters, oldest first ({@code ?limit=}, 1 to 1000, default 100). */
  @GetMapping("/dead-letters")
  public List<DeadLetter> deadLetters(
      Caller caller, @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiError.badField("/limit", "invalid-limit", "limit must be between 1 and 1000");
    }
    return deadLetters.list(caller.namespace(), limit);
  }

  /** One dead letter. */
  @GetMapping("/dead-letters/{id}")
  public DeadLetter deadLetter(Caller caller, @PathVariable long id) {
    return deadLetters.get(caller.namespace(), id);
  }

  /**
   * Runs a dead letter's reaction to its event again → {@code {delivered: true, executionId,
   * deliveredToRuns, composites}} (the dead letter is gone), or {@code {delivered: false, error,
   * deadLetter}} (it stays, with one more attempt).
   */
  @PostMapping("/dead-letters/{id}/replay")
  public Map<String, Object> replay(Caller caller, @PathVariable long id) {
    DeadLetter letter = deadLetters.get(caller.namespace(), id);
    SystemEvent event =
        bus.at(caller.namespace(), letter.eventSeq())
            .orElseThrow(() -> ApiError.conflict("the event of dead letter " + id + " is gone"));
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      EventReactions.Outcome outcome = outbox.replay(event, letter.subscriber());
      deadLetters.delete(caller.namespace(), id);
      out.put("delivered", true);
      out.put("executionId", outcome.startedRuns().isEmpty() ? null : outcome.startedRuns().get(0));
      out.put("deliveredToRuns", outcome.deliveredToRuns());
      out.put("composites", outcome.composites());
    } catch (RuntimeException e) {
      String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      deadLetters.failedAgain(letter, error);
      out.put("delivered", false);
      out.put("error", error);
      out.put("deadLetter", deadLetters.get(caller.namespace(), id));
    }
    audit.record(caller, "dead-letter.replay", "dead-letter", Long.toString(id), letter, out);
    return out;
  }

  /**
   * The namespace's event reactions not done yet — waiting for their next attempt, or left by a
   * crash — soonest due first ({@code ?limit=}, 1 to 1000, default 100).
   */
  @GetMapping("/reactions")
  public List<PendingReaction> reactions(
      Caller caller, @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiError.badField("/limit", "invalid-limit", "limit must be between 1 and 1000");
    }
    return outbox.pending(caller.namespace(), limit);
  }

  /** Deletes a dead letter → 204. */
  @DeleteMapping("/dead-letters/{id}")
  public ResponseEntity<Void> deleteDeadLetter(Caller caller, @PathVariable long id) {
    DeadLetter gone = deadLetters.delete(caller.namespace(), id);
    audit.record(caller, "dead-letter.delete", "dead-letter", Long.toString(id), gone, null);
    return ResponseEntity.noContent().build();
  }
}
