package io.baton.server.ai;

import io.baton.api.time.IdGenerator;
import io.baton.api.time.TimeSource;
import io.baton.server.api.ApiError;
import io.baton.server.security.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The conversations of the chat API ({@code srv_conversation}, {@code srv_conversation_message}):
 * per namespace and agent, created by a first message, listed, read and deleted; a conversation of
 * another namespace answers 404.
 */
@Component
public class Conversations {
  private final JdbcClient jdbc;
  private final TimeSource clock;
  private final IdGenerator ids;

  Conversations(JdbcClient jdbc, TimeSource clock, IdGenerator ids) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * A conversation.
   *
   * @param id its id
   * @param agent the agent it is with
   * @param createdBy who started it
   * @param createdAt when
   * @param updatedAt its last message's time
   * @param messages its messages, oldest first (empty in listings)
   */
  public record Conversation(
      String id,
      String agent,
      String createdBy,
      Instant createdAt,
      Instant updatedAt,
      List<Message> messages) {}

  /**
   * One message.
   *
   * @param role {@code user} or {@code assistant}
   * @param text what was said; null for an answer that was not ready in time
   * @param executionId the run that answered (on assistant messages)
   * @param at when
   */
  public record Message(String role, String text, String executionId, Instant at) {}

  /** Starts a conversation of the caller with {@code agent} → its id. */
  public String start(Caller caller, String agent) {
    String id = ids.newId();
    Timestamp now = Timestamp.from(clock.now());
    jdbc.sql(
            "insert into srv_conversation (conversation_id, namespace, agent, created_by,"
                + " created_at, updated_at) values (:id, :ns, :agent, :by, :at, :at)")
        .param("id", id)
        .param("ns", caller.namespace())
        .param("agent", agent)
        .param("by", caller.subject())
        .param("at", now)
        .update();
    return id;
  }

  /** A conversation of the caller's namespace with {@code agent}; 404 for any other. */
  public Conversation get(Caller caller, String agent, String id) {
    Conversation head =
        jdbc.sql(
                "select * from srv_conversation where conversation_id = :id and namespace = :ns"
                    + " and agent = :agent")
            .param("id", id)
            .param("ns", caller.namespace())
            .param("agent", agent)
            .query(Conversations::head)
            .optional()
            .orElseThrow(() -> ApiError.notFound("conversation", id));
    List<Message> messages =
        jdbc.sql("select * from srv_conversation_message where conversation_id = :id order by seq")
            .param("id", id)
            .query(
                (rs, n) ->
                    new Message(
                        rs.getString("role"),
                        rs.getString("text"),
                        rs.getString("execution_id"),
                        rs.getTimestamp("at").toInstant()))
            .list();
    return new Conversation(
        head.id(), head.agent(), head.createdBy(), head.createdAt(), head.updatedAt(), messages);
  }

  /** The conversations of the caller's namespace with {@code agent}, most recent first. */
  public List<Conversation> list(Caller caller, String agent) {
    return jdbc.sql(
            "select * from srv_conversation where namespace = :ns and agent = :agent"
                + " order by updated_at desc, conversation_id")
        .param("ns", caller.namespace())
        .param("agent", agent)
        .query(Conversations::head)
        .list();
  }

  /** Adds a message to a conversation. */
  public void add(String conversationId, Message message) {
    int seq =
        jdbc.sql(
                "select coalesce(max(seq), 0) + 1 from srv_conversation_message"
                    + " where conversation_id = :id")
            .param("id", conversationId)
            .query(Integer.class)
            .single();
    jdbc.sql(
            "insert into srv_conversation_message (conversation_id, seq, role, text,"
                + " execution_id, at) values (:id, :seq, :role, :text, :run, :at)")
        .param("id", conversationId)
        .param("seq", seq)
        .param("role", message.role())
        .param("text", message.text())
        .param("run", message.executionId())
        .param("at", Timestamp.from(message.at()))
        .update();
    jdbc.sql("update srv_conversation set updated_at = :at where conversation_id = :id")
        .param("at", Timestamp.from(message.at()))
        .param("id", conversationId)
        .update();
  }

  /** Deletes a conversation and its messages → what it was. */
  public Conversation delete(Caller caller, String agent, String id) {
    Conversation gone = get(caller, agent, id);
    jdbc.sql("delete from srv_conversation_message where conversation_id = :id")
        .param("id", id)
        .update();
    jdbc.sql("delete from srv_conversation where conversation_id = :id").param("id", id).update();
    return gone;
  }

  private static Conversation head(ResultSet rs, int row) throws SQLException {
    return new Conversation(
        rs.getString("conversation_id"),
        rs.getString("agent"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        List.of());
  }
}
