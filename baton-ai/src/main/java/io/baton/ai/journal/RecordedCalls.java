package io.baton.ai.journal;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import io.baton.ai.internal.JsonCodec;
import io.baton.ai.model.ModelResult;
import io.baton.ai.usage.Usage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    value.put("message", JsonCodec.read(ChatMessageSerializer.messageToJson(result.message())));
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
    AiMessage message =
        (AiMessage) ChatMessageDeserializer.messageFromJson(JsonCodec.write(map.get("message")));
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

  private static Number number(Map<String, Object> usage, String field) {
    return usage.get(field) instanceof Number n ? n : 0L;
  }
}
