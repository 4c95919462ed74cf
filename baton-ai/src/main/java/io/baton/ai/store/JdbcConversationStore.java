package io.baton.ai.store;

import io.baton.ai.memory.ConversationStore;
import java.util.AbstractMap.SimpleEntry;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agents' memories and runs' blackboards in the {@link AiDatabase}, so that a run recovered after a
 * restart finds what its agents remembered and wrote.
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
  public void deleteRun(String runId) {
    db.update(
        "delete the memories of run " + runId,
        "DELETE FROM baton_agent_memory WHERE run_id = ?",
        runId);
    db.update(
        "delete the blackboard of run " + runId,
        "DELETE FROM baton_blackboard WHERE run_id = ?",
        runId);
  }
}
