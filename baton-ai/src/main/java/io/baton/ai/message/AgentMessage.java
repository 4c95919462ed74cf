package io.baton.ai.message;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message an agent (or a step) sent within a run.
 *
 * @param seq its number: later messages have higher numbers
 * @param topic what it is about; direct messages without a topic have {@code direct}
 * @param from the agent (or step) that sent it
 * @param to the agent it is addressed to, or null for a broadcast to the topic's subscribers
 * @param content what it says: a text or any JSON value
 * @param sentAt when it was sent, by the engine's clock (ISO-8601)
 */
public record AgentMessage(
    long seq, String topic, String from, String to, Object content, String sentAt) {

  /** The message as JSON-like values, as tools, steps and the store see it. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", seq);
    m.put("topic", topic);
    m.put("from", from);
    if (to != null) {
      m.put("to", to);
    }
    m.put("content", content);
    m.put("sentAt", sentAt);
    return m;
  }

  /** A message read back from {@link #toMap()} with its number. */
  static AgentMessage fromMap(long seq, Map<String, Object> m) {
    return new AgentMessage(
        seq,
        (String) m.get("topic"),
        (String) m.get("from"),
        (String) m.get("to"),
        m.get("content"),
        (String) m.get("sentAt"));
  }

  /** Whether {@code reader} sees it when reading {@code topic} (null: its direct messages). */
  boolean addressedTo(String reader, String topic, java.util.Set<String> subscribed) {
    if (reader.equals(from)) {
      return false;
    }
    if (topic != null) {
      return topic.equals(this.topic) && (to == null || to.equals(reader));
    }
    return reader.equals(to) || (to == null && subscribed.contains(this.topic));
  }
}
