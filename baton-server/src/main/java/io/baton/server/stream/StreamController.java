package io.baton.server.stream;

import io.baton.server.execution.ExecutionService;
import io.baton.server.security.Caller;
import java.time.Duration;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A run's messages over HTTP: the journal as a list ({@code /events?after=}, for the timeline) and
 * the live stream as Server-Sent Events ({@code /stream}, resuming after {@code Last-Event-ID}).
 */
@RestController
public class StreamController {
  private static final Duration SSE_TIMEOUT = Duration.ofHours(1);
  private final RunStreamHub hub;
  private final ExecutionService executions;

  StreamController(RunStreamHub hub, ExecutionService executions) {
    this.hub = hub;
    this.executions = executions;
  }

  /** The run's messages after {@code after} (default: all). */
  @GetMapping("/api/v1/executions/{id}/events")
  public List<StreamMessage> events(
      Caller caller, @PathVariable String id, @RequestParam(defaultValue = "-1") long after) {
    executions.requireInNamespace(caller, id);
    return hub.history(id, after);
  }

  /** The run's stream as SSE; a reconnecting client's {@code Last-Event-ID} resumes it. */
  @GetMapping(path = "/api/v1/executions/{id}/stream", produces = "text/event-stream")
  public SseEmitter stream(
      Caller caller,
      @PathVariable String id,
      @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
      @RequestParam(required = false) Long after) {
    executions.requireInNamespace(caller, id);
    SseEmitter emitter = new SseEmitter(SSE_TIMEOUT.toMillis());
    SseSink sink = new SseSink(emitter, true);
    long from = lastEventId != null ? lastEventId : after != null ? after : -1;
    hub.subscribe(id, sink, from);
    emitter.onCompletion(() -> hub.unsubscribe(id, sink));
    return emitter;
  }
}
