package io.baton.server.stream;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebSocket session as a stream sink: each message one JSON text frame, or — for a client that
 * subscribed with {@code batch: true} — the messages waiting together as one JSON array frame.
 */
final class SocketSink extends QueuedSink {
  private final WebSocketSession session;
  private final JsonMapper json;

  SocketSink(WebSocketSession session, JsonMapper json) {
    super("baton-ws-" + session.getId());
    this.session = session;
    this.json = json;
  }

  private volatile boolean batch;

  @Override
  protected void write(StreamMessage message) throws IOException {
    session.sendMessage(new TextMessage(json.writeValueAsString(message)));
  }

  /** Sends messages that waited together in one frame, as a JSON array, from now on. */
  void batchFrames() {
    batch = true;
  }

  @Override
  protected boolean batches() {
    return batch;
  }

  @Override
  protected void write(List<StreamMessage> messages) throws IOException {
    if (messages.size() == 1) {
      write(messages.getFirst());
    } else if (!messages.isEmpty()) {
      session.sendMessage(new TextMessage(json.writeValueAsString(messages)));
    }
  }

  /** Sends a reply that is not part of the stream (errors, acknowledgements). */
  void reply(String type, Map<String, Object> data) {
    send(new StreamMessage(type, -1, null, null, data, null));
  }

  @Override
  protected void disconnect() {
    try {
      session.close();
    } catch (IOException e) {
      // already gone
    }
  }

  @Override
  public String toString() {
    return "websocket " + session.getId();
  }
}
