package io.baton.ai.memory;

import java.util.Map;

/**
 * Where agents' memories and runs' blackboards are kept, as JSON text (conversations in
 * LangChain4j's message JSON). The in-memory store is the default; a durable store implements the
 * same five methods.
 */
public interface ConversationStore {

  /** The conversation of {@code agent} in {@code runId} as JSON, or null. */
  String loadConversation(String runId, String agent);

  /** Replaces the conversation of {@code agent} in {@code runId}. */
  void saveConversation(String runId, String agent, String json);

  /** The blackboard of {@code runId}: key to JSON value. */
  Map<String, String> blackboard(String runId);

  /** Writes one blackboard entry. */
  void writeBlackboard(String runId, String key, String json);

  /** Forgets everything of {@code runId}. */
  void deleteRun(String runId);
}
