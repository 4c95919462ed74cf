package io.baton.server.stream;

/** Where a subscriber's messages go (a WebSocket session, an SSE response). */
public interface StreamSink {

  /** Queues {@code message} for delivery; must not block. */
  void send(StreamMessage message);

  /** Whether the connection is gone (the hub then forgets the sink). */
  boolean closed();
}
