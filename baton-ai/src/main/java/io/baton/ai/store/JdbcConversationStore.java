package io.baton.ai.store;

import io.baton.ai.memory.ConversationStore;
import io.baton.ai.memory.StoredMessage;
import io.baton.ai.store.AiDatabase.DuplicateKeyException;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Agents' memories, runs' blackboards, agents' messages and remote agents' heartbeats in the {@link
 * AiDatabase}, so that a run recovered after a restart finds what its agents remembered and wrote,
 * and a remote agent that kept beating is available at once.
 *
 * <pre>{@code
 * ConversationStore store = new JdbcConversationStore(AiDatabase.migrate(dataSource));
 * }</pre>
 */
public final class JdbcConversationStore implements ConversationStore {
  private final AiDatabase db;

  /** A store in {@code db}. */
  public JdbcConversationStore(AiDatabase db) {
    this.db = db;
  }

  @Override
  public String loadConversation(String runId, String agent) {
    return db
        .query(
            "read the memory of " + agent + " in run " + runId,
            "SELECT conversation FROM baton_agent_memory WHERE run_id = ? AND agent = ?",
            rs -> rs.getString(1),
            runId,
            agent)
        .stream()
        .findFirst()
        .orElse(null);
  }

  @Override
  public void saveConversation(String runId, String agent, String json) {
    db.upsert(
        "save the memory of " + agent + " in run " + runId,
        "UPDATE baton_agent_memory SET conversation = ? WHERE run_id = ? AND agent = ?",
        "INSERT INTO baton_agent_memory (conversation, run_id, agent) VALUES (?, ?, ?)",
        json,
        runId,
        agent);
  }

  @Override
  public Map<String, String> blackboard(String runId) {
    Map<String, String> board = new TreeMap<>();
    db.query(
            "read the blackboard of run " + runId,
            "SELECT entry_key, entry_value FROM baton_blackboard WHERE run_id = ?",
            rs -> new SimpleEntry<>(rs.getString(1), rs.getString(2)),
            runId)
        .forEach(e -> board.put(e.getKey(), e.getValue()));
    return board;
  }

  @Override
  public void writeBlackboard(String runId, String key, String json) {
    db.upsert(
        "write blackboard entry " + key + " of run " + runId,
        "UPDATE baton_blackboard SET entry_value = ? WHERE run_id = ? AND entry_key = ?",
        "INSERT INTO baton_blackboard (entry_value, run_id, entry_key) VALUES (?, ?, ?)",
        json,
        runId,
        key);
  }

  @Override
  public long appendMessage(String runId, String messageId, String topic, String json) {
    String what = "append message " + messageId + " of run " + runId;
    List<Long> earlier = seqOf(what, messageId);
    if (earlier.isEmpty()) {
      try {
        db.insert(
            what,
            "INSERT INTO baton_agent_message (message_id, run_id, topic, document, delivered)"
                + " VALUES (?, ?, ?, ?, FALSE)",
            messageId,
            runId,
            topic,
            json);
      } catch (DuplicateKeyException e) {
        // sent at the same time by another execution of the same step: its row counts
      }
      earlier = seqOf(what, messageId);
    }
    return earlier.getFirst();
  }

  private List<Long> seqOf(String what, String messageId) {
    return db.query(
        what,
        "SELECT seq FROM baton_agent_message WHERE message_id = ?",
        rs -> rs.getLong(1),
        messageId);
  }

  @Override
  public List<StoredMessage> messages(String runId, long afterSeq) {
    return db.query(
        "read the messages of run " + runId,
        "SELECT seq, topic, document, delivered FROM baton_agent_message"
            + " WHERE run_id = ? AND seq > ? ORDER BY seq",
        rs -> new StoredMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
        runId,
        afterSeq);
  }

  @Override
  public boolean markDelivered(String runId, long seq, boolean delivered) {
    return db.update(
            "mark message " + seq + " of run " + runId + " delivered: " + delivered,
            "UPDATE baton_agent_message SET delivered = ?"
                + " WHERE run_id = ? AND seq = ? AND delivered <> ?",
            delivered,
            runId,
            seq,
            delivered)
        > 0;
  }

  @Override
  public void subscribe(String runId, String agent, String topic) {
    String what = "subscribe " + agent + " to " + topic + " in run " + runId;
    try {
      db.insert(
          what,
          "INSERT INTO baton_agent_subscription (run_id, agent, topic) VALUES (?, ?, ?)",
          runId,
          agent,
          topic);
    } catch (DuplicateKeyException e) {
      // already subscribed
    }
  }

  @Override
  public Set<String> subscriptions(String runId, String agent) {
    return new TreeSet<>(
        db.query(
            "read the subscriptions of " + agent + " in run " + runId,
            "SELECT topic FROM baton_agent_subscription WHERE run_id = ? AND agent = ?",
            rs -> rs.getString(1),
            runId,
            agent));
  }

  @Override
  public void deleteRun(String runId) {
    for (String table :
        List.of(
            "baton_agent_memory",
            "baton_blackboard",
            "baton_agent_message",
            "baton_agent_subscription")) {
      db.update(
          "delete " + table + " rows of run " + runId,
          "DELETE FROM " + table + " WHERE run_id = ?",
          runId);
    }
  }

  @Override
  public void saveHeartbeat(String agent, Instant at) {
    db.upsert(
        "save the heartbeat of agent " + agent,
        "UPDATE baton_agent_heartbeat SET beat_ms = ? WHERE agent = ?",
        "INSERT INTO baton_agent_heartbeat (beat_ms, agent) VALUES (?, ?)",
        at.toEpochMilli(),
        agent);
  }

  @Override
  public Instant lastHeartbeat(String agent) {
    return db
        .query(
            "read the heartbeat of agent " + agent,
            "SELECT beat_ms FROM baton_agent_heartbeat WHERE agent = ?",
            rs -> Instant.ofEpochMilli(rs.getLong(1)),
            agent)
        .stream()
        .findFirst()
        .orElse(null);
  }

  @Override
  public void deleteHeartbeat(String agent) {
    db.update(
        "delete the heartbeat of agent " + agent,
        "DELETE FROM baton_agent_heartbeat WHERE agent = ?",
        agent);
  }
}
