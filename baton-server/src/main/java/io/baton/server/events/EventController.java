package io.baton.server.events;

import io.baton.server.api.ApiError;
import io.baton.server.security.Caller;
import io.baton.server.stream.SseSink;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /api/v1/events}: publish an event (the namespace's runs waiting for it with its
 * correlation key wake up, its triggers start their workflows, its correlation rules may emit
 * composite events), query the history with filters, and follow it live as Server-Sent Events.
 */
@RestController
@RequestMapping("/api/v1/events")
public class EventController {
  private final EventBus bus;

  EventController(EventBus bus) {
    this.bus = bus;
  }

  /** The history, oldest first: {@code ?type=run.*&subject=&correlationId=&after=&limit=}. */
  @GetMapping
  public List<SystemEvent> history(
      Caller caller,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String subject,
      @RequestParam(required = false) String correlationId,
      @RequestParam(defaultValue = "-1") long after,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiError.badField("/limit", "invalid-limit", "limit must be between 1 and 1000");
    }
    return bus.history(
        caller.namespace(), new EventBus.Filter(type, subject, correlationId, after), limit);
  }

  /**
   * Publishes {@code {id?, type, subject?, correlationId?, data?}} → 201 {@code {event,
   * deliveredToRuns, startedRuns, composites, duplicate: false}}; an {@code id} published already
   * in the namespace changes nothing → 200 with the earlier event and {@code duplicate: true}.
   */
  @PostMapping
  public ResponseEntity<Map<String, Object>> publish(
      Caller caller, @RequestBody Map<String, Object> body) {
    String type = RequestFields.text(body, "type", true);
    String id = RequestFields.text(body, "id", false);
    if (id != null && id.length() > 200) {
      throw ApiError.badField("/id", "invalid-id", "an event id has at most 200 characters");
    }
    EventBus.Publication p =
        bus.publish(
            caller.namespace(),
            id,
            new EventBus.Draft(
                type,
                "api:" + caller.subject(),
                string(body.get("subject")),
                string(body.get("correlationId")),
                body.get("data")));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("event", p.event());
    out.put("duplicate", p.duplicate());
    out.put("deliveredToRuns", p.outcome().deliveredToRuns());
    out.put("startedRuns", p.outcome().startedRuns());
    out.put("composites", p.outcome().composites());
    return ResponseEntity.status(p.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(out);
  }

  /** The live events as SSE, optionally of some types ({@code ?types=run.*}). */
  @GetMapping(path = "/stream", produces = "text/event-stream")
  public SseEmitter stream(
      Caller caller,
      @RequestParam(required = false) String types,
      @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
    SseEmitter emitter = new SseEmitter(Duration.ofHours(1).toMillis());
    bus.subscribe(
        caller.namespace(),
        types,
        new SseSink(emitter, false),
        lastEventId == null ? -1 : lastEventId);
    return emitter;
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }
}
