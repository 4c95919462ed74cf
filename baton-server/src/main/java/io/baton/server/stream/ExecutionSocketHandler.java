package io.baton.server.stream;

import io.baton.server.api.ApiError;
import io.baton.server.execution.ExecutionService;
import io.baton.server.execution.InputService;
import io.baton.server.security.Caller;
import io.baton.server.security.Role;
import java.util.LinkedHashMap;
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
 * {@code /ws/v1/executions/{id}}: the seed 002 protocol. The client sends {@code {type:
 * "subscribe", after?}}, {@code {type: "unsubscribe"}} and {@code {type: "send_input", waitId,
 * value}} (the seed's {@code {node_id, data}} works too); the server sends the run's stream
 * messages, and {@code input_accepted} or {@code error} replies.
 */
@Component
public class ExecutionSocketHandler extends TextWebSocketHandler {
  static final String SINK = "baton.sink";
  static final String RUN = "baton.run";

  private final RunStreamHub hub;
  private final InputService inputs;
  private final ExecutionService executions;
  private final JsonMapper json;

  ExecutionSocketHandler(
      RunStreamHub hub, InputService inputs, ExecutionService executions, JsonMapper json) {
    this.hub = hub;
    this.inputs = inputs;
    this.executions = executions;
    this.json = json;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    session.getAttributes().put(SINK, new SocketSink(session, json));
    String path = session.getUri().getPath();
    session.getAttributes().put(RUN, path.substring(path.lastIndexOf('/') + 1));
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage text) {
    SocketSink sink = (SocketSink) session.getAttributes().get(SINK);
    String runId = (String) session.getAttributes().get(RUN);
    Caller caller = (Caller) session.getAttributes().get(Caller.ATTRIBUTE);
    Map<String, Object> message;
    try {
      message = json.readValue(text.getPayload(), new TypeReference<>() {});
    } catch (JacksonException e) {
      sink.reply("error", error(400, "a message is a JSON object with a type"));
      return;
    }
    Object type = message.get("type");
    switch (String.valueOf(type)) {
      case "subscribe" -> {
        if (Boolean.TRUE.equals(message.get("batch"))) {
          sink.batchFrames();
        }
        hub.subscribe(runId, sink, after(message.get("after")));
      }
      case "unsubscribe" -> hub.unsubscribe(runId, sink);
      case "send_input" -> sendInput(caller, runId, sink, message);
      default ->
          sink.reply(
              "error",
              error(
                  400,
                  "unknown message type '"
                      + type
                      + "': expected subscribe, unsubscribe or send_input"));
    }
  }

  private void sendInput(Caller caller, String runId, SocketSink sink, Map<String, Object> msg) {
    if (!caller.role().includes(Role.OPERATOR)) {
      sink.reply("error", error(403, "answering needs the role 'operator'"));
      return;
    }
    try {
      String waitId = (String) msg.get("waitId");
      if (waitId == null && msg.get("node_id") != null) {
        waitId = waitOf(caller, runId, msg.get("node_id").toString());
      }
      if (waitId == null) {
        throw ApiError.badField("/waitId", "missing-field", "send_input needs a waitId");
      }
      Object value = msg.containsKey("value") ? msg.get("value") : msg.get("data");
      sink.reply("input_accepted", new LinkedHashMap<>(inputs.submit(caller, waitId, value)));
    } catch (ApiError e) {
      sink.reply("error", error(e.status().value(), e.getMessage()));
    } catch (IllegalArgumentException e) {
      sink.reply("error", error(422, e.getMessage()));
    }
  }

  /** The wait of the run's step {@code nodeId} (the seed names the node, not the wait). */
  private String waitOf(Caller caller, String runId, String nodeId) {
    return executions.view(caller, runId).pendingInputs().stream()
        .filter(p -> p.path().equals(nodeId) || p.path().endsWith("/" + nodeId))
        .map(io.baton.api.run.PendingInput::waitId)
        .findFirst()
        .orElseThrow(() -> ApiError.notFound("pending input of node", nodeId));
  }

  private static long after(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s && !s.isBlank()) {
      return Long.parseLong(s.trim());
    }
    return -1;
  }

  private static Map<String, Object> error(int status, String detail) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", status);
    out.put("detail", detail);
    return out;
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    SocketSink sink = (SocketSink) session.getAttributes().get(SINK);
    if (sink != null) {
      sink.close();
      hub.unsubscribe((String) session.getAttributes().get(RUN), sink);
    }
  }
}
