package io.baton.ai.memory;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps memories and blackboards in memory: the default, and what tests use. */
public final class InMemoryConversationStore implements ConversationStore {
  private final Map<String, Map<String, String>> conversations = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> boards = new ConcurrentHashMap<>();

  @Override
  public String loadConversation(String runId, String agent) {
    return conversations.getOrDefault(runId, Map.of()).get(agent);
  }

  @Override
  public void saveConversation(String runId, String agent, String json) {
    conversations.computeIfAbsent(runId, k -> new ConcurrentHashMap<>()).put(agent, json);
  }

  @Override
  public Map<String, String> blackboard(String runId) {
    return new TreeMap<>(boards.getOrDefault(runId, Map.of()));
  }

  @Override
  public void writeBlackboard(String runId, String key, String json) {
    boards.computeIfAbsent(runId, k -> new ConcurrentHashMap<>()).put(key, json);
  }

  @Override
  public void deleteRun(String runId) {
    conversations.remove(runId);
    boards.remove(runId);
  }
}
