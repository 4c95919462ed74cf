package io.baton.server.events;

import io.baton.api.time.TimeSource;
import io.baton.server.api.ApiError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dead-letter store ({@code srv_dead_letter}), per namespace: the event reactions ({@code
 * waits}, {@code trigger:<id>}, {@code correlations}, {@code route:<id>}) that failed for good.
 */
@Component
public class DeadLetters {
  private final JdbcClient jdbc;
  private final TimeSource clock;

  DeadLetters(JdbcClient jdbc, TimeSource clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records that {@code subscriber} could not take {@code event} after {@code attempts}. */
  void add(SystemEvent event, String subscriber, String error, int attempts) {
    Timestamp now = Timestamp.from(clock.now());
    jdbc.sql(
            "insert into srv_dead_letter (namespace, subscriber, event_seq, event_id, event_type,"
                + " error, attempts, failed_at, last_attempt_at)"
                + " values (:ns, :sub, :seq, :eid, :type, :error, :attempts, :at, :at)")
        .param("ns", event.namespace())
        .param("sub", subscriber)
        .param("seq", event.seq())
        .param("eid", event.id())
        .param("type", event.type())
        .param("error", clip(error))
        .param("attempts", attempts)
        .param("at", now)
        .update();
  }

  /** The dead letters of {@code namespace}, oldest first, at most {@code limit}. */
  public List<DeadLetter> list(String namespace, int limit) {
    return jdbc.sql(
            "select * from srv_dead_letter where namespace = :ns order by id fetch first "
                + limit
                + " rows only")
        .param("ns", namespace)
        .query(DeadLetters::read)
        .list();
  }

  /** One dead letter; 404 when {@code namespace} has none of that id. */
  public DeadLetter get(String namespace, long id) {
    return jdbc.sql("select * from srv_dead_letter where namespace = :ns and id = :id")
        .param("ns", namespace)
        .param("id", id)
        .query(DeadLetters::read)
        .optional()
        .orElseThrow(() -> ApiError.notFound("dead letter", Long.toString(id)));
  }

  /** Deletes a dead letter → what it was. */
  public DeadLetter delete(String namespace, long id) {
    DeadLetter gone = get(namespace, id);
    jdbc.sql("delete from srv_dead_letter where id = :id").param("id", id).update();
    return gone;
  }

  /** A replay failed too: one more attempt, and its error. */
  void failedAgain(DeadLetter letter, String error) {
    jdbc.sql(
            "update srv_dead_letter set attempts = attempts + 1, error = :error,"
                + " last_attempt_at = :at where id = :id")
        .param("error", clip(error))
        .param("at", Timestamp.from(clock.now()))
        .param("id", letter.id())
        .update();
  }

  /** An error as the dead letters and the outbox keep it: 4,000 characters at most. */
  static String clip(String error) {
    return error.length() > 4000 ? error.substring(0, 3999) + "…" : error;
  }

  private static DeadLetter read(ResultSet rs, int row) throws SQLException {
    return new DeadLetter(
        rs.getLong("id"),
        rs.getString("namespace"),
        rs.getString("subscriber"),
        rs.getLong("event_seq"),
        rs.getString("event_id"),
        rs.getString("event_type"),
        rs.getString("error"),
        rs.getInt("attempts"),
        rs.getTimestamp("failed_at").toInstant(),
        rs.getTimestamp("last_attempt_at").toInstant());
  }
}
