package io.baton.ai.journal;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import io.baton.ai.internal.JsonCodec;
import io.baton.ai.model.ModelResult;
import io.baton.ai.usage.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a model call is kept in the journal and read back: the answer (LangChain4j's message JSON, as
 * an object so that the journal stays readable), who answered, and its usage — the {@code usage}
 * object the engine sums on the step's view.
 */
public final class RecordedCalls {
  private RecordedCalls() {}

  /** The journal value of a model call. */
  public static Map<String, Object> modelCall(String agent, ModelResult result) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("kind", "model");
    value.put("agent", agent);
    value.put("provider", result.provider());
    value.put("model", result.model());
    value.put("offline", result.offline());
    value.put("message", messageValue(result.message()));
    value.put("usage", result.usage().toMap());
    if (!result.failures().isEmpty()) {
      value.put("failures", result.failures());
    }
    return value;
  }

  /**
   * The model call a journal value records.
   *
   * @throws IllegalStateException naming the key when the value is not a recorded model call
   */
  @SuppressWarnings("unchecked")
  public static ModelResult modelResult(String key, Object recorded) {
    if (!(recorded instanceof Map<?, ?> map) || !"model".equals(map.get("kind"))) {
      throw new IllegalStateException(
          "the journal holds no model call under '" + key + "' but " + recorded);
    }
    AiMessage message = message(map.get("message"));
    Map<String, Object> usage = (Map<String, Object>) map.get("usage");
    return new ModelResult(
        message,
        (String) map.get("provider"),
        (String) map.get("model"),
        new Usage(
            number(usage, "calls").longValue(),
            number(usage, "inputTokens").longValue(),
            number(usage, "outputTokens").longValue(),
            number(usage, "cost").doubleValue()),
        Boolean.TRUE.equals(map.get("offline")),
        map.get("failures") instanceof List<?> failures
            ? failures.stream().map(String::valueOf).toList()
            : List.of());
  }

  /**
   * The answer as LangChain4j's message JSON would read, built directly: the model's answer is
   * journaled on every call, and going through JSON text and back cost more CPU than the call's own
   * mapping (W7). Messages with images or attributes, rare, still go through LangChain4j's
   * serialiser, which knows their shapes.
   */
  static Object messageValue(AiMessage message) {
    if (!message.images().isEmpty() || !message.attributes().isEmpty()) {
      return JsonCodec.read(ChatMessageSerializer.messageToJson(message));
    }
    Map<String, Object> value = new LinkedHashMap<>();
    if (message.text() != null) {
      value.put("text", message.text());
    }
    if (message.thinking() != null) {
      value.put("thinking", message.thinking());
    }
    List<Map<String, Object>> requests = new ArrayList<>();
    for (ToolExecutionRequest request : message.toolExecutionRequests()) {
      Map<String, Object> call = new LinkedHashMap<>();
      call.put("id", request.id());
      call.put("name", request.name());
      call.put("arguments", request.arguments());
      requests.add(call);
    }
    value.put("toolExecutionRequests", requests);
    value.put("attributes", Map.of());
    value.put("type", "AI");
    return value;
  }

  /** The answer {@link #messageValue} journaled (or LangChain4j's serialiser, before it). */
  static AiMessage message(Object value) {
    if (!(value instanceof Map<?, ?> map) || !PLAIN_FIELDS.containsAll(map.keySet())) {
      return (AiMessage) ChatMessageDeserializer.messageFromJson(JsonCodec.write(value));
    }
    if (map.get("attributes") instanceof Map<?, ?> attributes && !attributes.isEmpty()) {
      return (AiMessage) ChatMessageDeserializer.messageFromJson(JsonCodec.write(value));
    }
    List<ToolExecutionRequest> requests = new ArrayList<>();
    if (map.get("toolExecutionRequests") instanceof List<?> calls) {
      for (Object call : calls) {
        Map<?, ?> c = (Map<?, ?>) call;
        requests.add(
            ToolExecutionRequest.builder()
                .id((String) c.get("id"))
                .name((String) c.get("name"))
                .arguments((String) c.get("arguments"))
                .build());
      }
    }
    return AiMessage.builder()
        .text((String) map.get("text"))
        .thinking((String) map.get("thinking"))
        .toolExecutionRequests(requests)
        .build();
  }

  private static final Set<Object> PLAIN_FIELDS =
      Set.of("text", "thinking", "toolExecutionRequests", "attributes", "type");

  private static Number number(Map<String, Object> usage, String field) {
    return usage.get(field) instanceof Number n ? n : 0L;
  }
}
