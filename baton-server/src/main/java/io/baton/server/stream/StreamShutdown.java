package io.baton.server.stream;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends every open stream when the server shuts down, before the web server's graceful shutdown
 * waits for requests in flight: a stream never ends by itself, and its client resumes from its last
 * offset when it reconnects.
 */
@Component
public class StreamShutdown {
  @EventListener(ContextClosedEvent.class)
  void closeStreams() {
    QueuedSink.closeAll();
  }
}
