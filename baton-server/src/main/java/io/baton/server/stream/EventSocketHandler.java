package io.baton.server.stream;

import io.baton.server.events.EventBus;
import io.baton.server.security.Caller;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/v1/events}: the namespace's system events. The client sends {@code {type: "subscribe",
 * types?: "run.*", after?: <offset>}}; the server sends every matching event, those after the
 * offset from the history first.
 */
@Component
public class EventSocketHandler extends TextWebSocketHandler {
  private final EventBus bus;
  private final JsonMapper json;

  EventSocketHandler(EventBus bus, JsonMapper json) {
    this.bus = bus;
    this.json = json;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    session.getAttributes().put(ExecutionSocketHandler.SINK, new SocketSink(session, json));
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage text) {
    SocketSink sink = (SocketSink) session.getAttributes().get(ExecutionSocketHandler.SINK);
    Caller caller = (Caller) session.getAttributes().get(Caller.ATTRIBUTE);
    Map<String, Object> message;
    try {
      message = json.readValue(text.getPayload(), new TypeReference<>() {});
    } catch (JacksonException e) {
      sink.reply(
          "error", Map.of("status", 400, "detail", "a message is a JSON object with a type"));
      return;
    }
    if (!"subscribe".equals(message.get("type"))) {
      sink.reply("error", Map.of("status", 400, "detail", "expected {type: \"subscribe\"}"));
      return;
    }
    Object after = message.get("after");
    Object types = message.get("types");
    bus.subscribe(
        caller.namespace(),
        types == null ? null : types.toString(),
        sink,
        after instanceof Number n ? n.longValue() : -1);
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    SocketSink sink = (SocketSink) session.getAttributes().get(ExecutionSocketHandler.SINK);
    if (sink != null) {
      sink.close();
    }
  }
}
