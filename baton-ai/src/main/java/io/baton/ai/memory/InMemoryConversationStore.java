package io.baton.ai.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps memories, blackboards and messages in memory: the default, and what tests use. */
public final class InMemoryConversationStore implements ConversationStore {
  private final Map<String, Map<String, String>> conversations = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> boards = new ConcurrentHashMap<>();
  private final Map<String, List<StoredMessage>> messages = new ConcurrentHashMap<>();
  private final Map<String, Long> messageIds = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> subscriptions = new ConcurrentHashMap<>();
  private final Map<String, Instant> heartbeats = new ConcurrentHashMap<>();
  private long lastSeq;

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
  public synchronized long appendMessage(
      String runId, String messageId, String topic, String json) {
    Long earlier = messageIds.get(messageId);
    if (earlier != null) {
      return earlier;
    }
    long seq = ++lastSeq;
    messageIds.put(messageId, seq);
    messages
        .computeIfAbsent(runId, k -> new ArrayList<>())
        .add(new StoredMessage(seq, topic, json, false));
    return seq;
  }

  @Override
  public synchronized List<StoredMessage> messages(String runId, long afterSeq) {
    return messages.getOrDefault(runId, List.of()).stream()
        .filter(m -> m.seq() > afterSeq)
        .toList();
  }

  @Override
  public synchronized boolean markDelivered(String runId, long seq, boolean delivered) {
    List<StoredMessage> list = messages.getOrDefault(runId, List.of());
    for (int i = 0; i < list.size(); i++) {
      StoredMessage m = list.get(i);
      if (m.seq() == seq && m.delivered() != delivered) {
        list.set(i, new StoredMessage(seq, m.topic(), m.json(), delivered));
        return true;
      }
    }
    return false;
  }

  @Override
  public void subscribe(String runId, String agent, String topic) {
    subscriptions
        .computeIfAbsent(runId + "\u0000" + agent, k -> ConcurrentHashMap.newKeySet())
        .add(topic);
  }

  @Override
  public Set<String> subscriptions(String runId, String agent) {
    return new TreeSet<>(subscriptions.getOrDefault(runId + "\u0000" + agent, Set.of()));
  }

  @Override
  public synchronized void deleteRun(String runId) {
    conversations.remove(runId);
    boards.remove(runId);
    messages.remove(runId);
    subscriptions.keySet().removeIf(k -> k.startsWith(runId + "\u0000"));
  }

  @Override
  public void saveHeartbeat(String agent, Instant at) {
    heartbeats.put(agent, at);
  }

  @Override
  public Instant lastHeartbeat(String agent) {
    return heartbeats.get(agent);
  }

  @Override
  public void deleteHeartbeat(String agent) {
    heartbeats.remove(agent);
  }
}
