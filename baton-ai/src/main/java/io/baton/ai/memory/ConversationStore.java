package io.baton.ai.memory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the agents of a run keep: their memories, the run's blackboard and the messages they send
 * each other, as JSON text (conversations in LangChain4j's message JSON); and the last heartbeat of
 * each remote agent. The in-memory store is the default; {@link
 * io.baton.ai.store.JdbcConversationStore} keeps them in H2 or PostgreSQL.
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

  /**
   * Appends a message of {@code runId} and returns its sequence number (increasing in the order of
   * appends). Appending a {@code messageId} again appends nothing and returns the first number, so
   * that a re-executed step does not send twice.
   */
  long appendMessage(String runId, String messageId, String topic, String json);

  /** The messages of {@code runId} numbered after {@code afterSeq}, in order. */
  List<StoredMessage> messages(String runId, long afterSeq);

  /**
   * Marks a message as received by a waiting step, or not; returns whether the mark changed (so
   * that of two deliverers racing for one message, one wins).
   */
  boolean markDelivered(String runId, long seq, boolean delivered);

  /** Adds {@code topic} to what {@code agent} listens to in {@code runId}. */
  void subscribe(String runId, String agent, String topic);

  /** The topics {@code agent} listens to in {@code runId}. */
  Set<String> subscriptions(String runId, String agent);

  /** Forgets everything of {@code runId}. */
  void deleteRun(String runId);

  /** Keeps {@code at} as the last heartbeat of the remote agent {@code agent}. */
  void saveHeartbeat(String agent, Instant at);

  /** The last heartbeat of the remote agent {@code agent}, or null when it had none. */
  Instant lastHeartbeat(String agent);

  /** Forgets the heartbeats of {@code agent} (it was unregistered). */
  void deleteHeartbeat(String agent);
}
