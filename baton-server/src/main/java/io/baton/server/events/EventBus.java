package io.baton.server.events;

import io.baton.api.time.TimeSource;
import io.baton.server.stream.StreamMessage;
import io.baton.server.stream.StreamSink;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system event bus: publish, subscribe by namespace and type pattern ({@code run.*}), and a
 * persistent history queried with filters. Publishing and subscribing share one lock, so that a
 * subscriber replaying the history from an offset then receiving live events sees every event once,
 * in order.
 */
@Component
public class EventBus {
  private final JdbcClient jdbc;
  private final TimeSource clock;
  private final JsonMapper json;
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  EventBus(JdbcClient jdbc, TimeSource clock, JsonMapper json) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = json;
  }

  /**
   * What to publish.
   *
   * @param type the event's type
   * @param source who publishes it
   * @param subject what it is about, or null
   * @param correlationId the correlation key, or null
   * @param data the payload
   */
  public record Draft(
      String type, String source, String subject, String correlationId, Object data) {}

  private record Subscription(String namespace, Pattern types, StreamSink sink) {}

  /** Publishes an event in {@code namespace} and returns it as stored. */
  public synchronized SystemEvent publish(String namespace, Draft draft) {
    var event =
        new SystemEvent(
            0,
            UUID.randomUUID().toString(),
            namespace,
            draft.type(),
            draft.source(),
            draft.subject(),
            draft.correlationId(),
            clock.now(),
            draft.data());
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into srv_event (event_id, namespace, type, source, subject, correlation_id,"
                + " at, data_json) values (:id, :ns, :type, :source, :subject, :cid, :at, :data)")
        .param("id", event.id())
        .param("ns", namespace)
        .param("type", event.type())
        .param("source", event.source())
        .param("subject", event.subject())
        .param("cid", event.correlationId())
        .param("at", Timestamp.from(event.at()))
        .param("data", json.writeValueAsString(event.data()))
        .update(key, "seq");
    SystemEvent stored = withSeq(event, key.getKey().longValue());
    subscriptions.removeIf(s -> s.sink().closed());
    for (Subscription s : subscriptions) {
      if (s.namespace().equals(namespace) && s.types().matcher(stored.type()).matches()) {
        s.sink().send(message(stored));
      }
    }
    return stored;
  }

  /**
   * Subscribes to events of {@code namespace} whose type matches {@code pattern}, after {@code
   * after}.
   */
  public synchronized void subscribe(
      String namespace, String pattern, StreamSink sink, long after) {
    Pattern types = glob(pattern);
    if (after >= 0) {
      for (SystemEvent e : history(namespace, new Filter(pattern, null, null, after), 10_000)) {
        sink.send(message(e));
      }
    }
    subscriptions.add(new Subscription(namespace, types, sink));
  }

  /**
   * A history filter.
   *
   * @param type a type or glob ({@code run.*}), or null
   * @param subject only about this, or null
   * @param correlationId only with this key, or null
   * @param after only events after this offset (-1: from the start)
   */
  public record Filter(String type, String subject, String correlationId, long after) {}

  /** The namespace's events matching {@code filter}, oldest first, at most {@code limit}. */
  public List<SystemEvent> history(String namespace, Filter filter, int limit) {
    StringBuilder where = new StringBuilder(" where namespace = :ns and seq > :after");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("ns", namespace);
    params.put("after", filter.after());
    if (filter.subject() != null) {
      where.append(" and subject = :subject");
      params.put("subject", filter.subject());
    }
    if (filter.correlationId() != null) {
      where.append(" and correlation_id = :cid");
      params.put("cid", filter.correlationId());
    }
    Pattern types = glob(filter.type());
    return jdbc
        .sql(
            "select * from srv_event" + where + " order by seq fetch first " + limit + " rows only")
        .params(params)
        .query(
            (rs, n) ->
                new SystemEvent(
                    rs.getLong("seq"),
                    rs.getString("event_id"),
                    rs.getString("namespace"),
                    rs.getString("type"),
                    rs.getString("source"),
                    rs.getString("subject"),
                    rs.getString("correlation_id"),
                    rs.getTimestamp("at").toInstant(),
                    json.readValue(rs.getString("data_json"), Object.class)))
        .list()
        .stream()
        .filter(e -> types.matcher(e.type()).matches())
        .toList();
  }

  /** The stream message of an event. */
  public static StreamMessage message(SystemEvent e) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", e.id());
    data.put("type", e.type());
    data.put("source", e.source());
    data.put("subject", e.subject());
    data.put("correlationId", e.correlationId());
    data.put("data", e.data());
    return new StreamMessage(e.type(), e.seq(), null, e.at(), data, null);
  }

  /** A type glob ({@code *} any characters) as a pattern; null or blank matches everything. */
  static Pattern glob(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      return Pattern.compile(".*");
    }
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  private static SystemEvent withSeq(SystemEvent e, long seq) {
    return new SystemEvent(
        seq,
        e.id(),
        e.namespace(),
        e.type(),
        e.source(),
        e.subject(),
        e.correlationId(),
        e.at(),
        e.data());
  }
}
