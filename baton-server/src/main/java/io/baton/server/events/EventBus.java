package io.baton.server.events;

import io.baton.api.time.TimeSource;
import io.baton.server.persistence.ServerWrites;
import io.baton.server.stream.StreamMessage;
import io.baton.server.stream.StreamSink;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system event bus: publish, subscribe by namespace and type pattern ({@code run.*}), and a
 * persistent history queried with filters. Publishing and subscribing share one lock, so that a
 * subscriber replaying the history from an offset then receiving live events sees every event once,
 * in order. Publishing is idempotent by event id within a namespace. A new event is stored with its
 * reactions (waiting runs, triggers, correlation rules: {@link EventReactions}) in the {@link
 * EventOutbox}, in one transaction, and the reactions then run outside the lock: a crash between
 * the two loses none.
 */
@Component
public class EventBus {
  private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

  private final JdbcClient jdbc;
  private final TimeSource clock;
  private final JsonMapper json;
  private final ServerWrites writes;
  private final ObjectProvider<EventOutbox> outbox;
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  EventBus(
      JdbcClient jdbc,
      TimeSource clock,
      JsonMapper json,
      ServerWrites writes,
      ObjectProvider<EventOutbox> outbox) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = json;
    this.writes = writes;
    this.outbox = outbox;
  }

  /**
   * What publishing did.
   *
   * @param event the event as stored (the earlier one for a duplicate)
   * @param duplicate whether an event with this id was published already (nothing else happened)
   * @param outcome what the reactions did
   */
  public record Publication(SystemEvent event, boolean duplicate, EventReactions.Outcome outcome) {}

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

  /** Publishes an event with a new id in {@code namespace} and returns it as stored. */
  public SystemEvent publish(String namespace, Draft draft) {
    return publish(namespace, null, draft).event();
  }

  /**
   * Publishes an event in {@code namespace} with id {@code id} (null: a new one), unless an event
   * with that id was published there already, then runs its reactions.
   */
  public Publication publish(String namespace, String id, Draft draft) {
    SystemEvent stored = store(namespace, id, draft);
    if (stored == null) {
      return new Publication(find(namespace, id).orElseThrow(), true, EventReactions.Outcome.NONE);
    }
    return new Publication(stored, false, outbox.getObject().drain(stored));
  }

  /** The event of {@code namespace} with id {@code id}, if published. */
  public Optional<SystemEvent> find(String namespace, String id) {
    return jdbc.sql("select * from srv_event where namespace = :ns and event_id = :id")
        .param("ns", namespace)
        .param("id", id)
        .query(this::read)
        .optional();
  }

  /** The event at offset {@code seq} of {@code namespace}, if any. */
  public Optional<SystemEvent> at(String namespace, long seq) {
    return jdbc.sql("select * from srv_event where namespace = :ns and seq = :seq")
        .param("ns", namespace)
        .param("seq", seq)
        .query(this::read)
        .optional();
  }

  /**
   * An event to publish with a new id in a namespace.
   *
   * @param namespace where
   * @param draft what
   */
  public record Addressed(String namespace, Draft draft) {}

  /**
   * Publishes events with new ids, each in its namespace, stored with their reactions in one
   * transaction — one commit for all, and all or none — then runs each one's reactions, in order →
   * the events as stored. For a burst of events from one publisher (the runs' status changes),
   * which would otherwise cost a commit each. Reactions that could not run now stay in the outbox,
   * which runs them once this publisher's claim has passed.
   *
   * @throws RuntimeException when storing them failed: then none is stored
   */
  public List<SystemEvent> publishAll(List<Addressed> events) {
    List<SystemEvent> stored = storeAll(events);
    EventOutbox reactions = outbox.getObject();
    for (SystemEvent event : stored) {
      try {
        reactions.drain(event);
      } catch (RuntimeException e) {
        LOG.warn("the reactions of event {} run later: {}", event.id(), e.toString());
      }
    }
    return stored;
  }

  private synchronized SystemEvent store(String namespace, String id, Draft draft) {
    if (id != null && find(namespace, id).isPresent()) {
      return null;
    }
    SystemEvent event = newEvent(namespace, id, draft);
    SystemEvent stored;
    try {
      stored = writes.write(tx -> insert(tx, event));
    } catch (org.springframework.dao.DuplicateKeyException published) {
      return null; // another node published this id a moment ago
    }
    deliver(stored);
    return stored;
  }

  private synchronized List<SystemEvent> storeAll(List<Addressed> events) {
    List<SystemEvent> drafts =
        events.stream().map(e -> newEvent(e.namespace(), null, e.draft())).toList();
    List<SystemEvent> stored =
        writes.write(tx -> drafts.stream().map(event -> insert(tx, event)).toList());
    stored.forEach(this::deliver);
    return stored;
  }

  private SystemEvent newEvent(String namespace, String id, Draft draft) {
    return new SystemEvent(
        0,
        id != null ? id : UUID.randomUUID().toString(),
        namespace,
        draft.type(),
        draft.source(),
        draft.subject(),
        draft.correlationId(),
        clock.now(),
        draft.data());
  }

  /** Sends a stored event to the live subscriptions it matches. */
  private void deliver(SystemEvent stored) {
    subscriptions.removeIf(s -> s.sink().closed());
    for (Subscription s : subscriptions) {
      if (s.namespace().equals(stored.namespace()) && s.types().matcher(stored.type()).matches()) {
        s.sink().send(message(stored));
      }
    }
  }

  /** Inserts the event and its reactions (in the caller's transaction) → the event as stored. */
  private SystemEvent insert(JdbcClient tx, SystemEvent event) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    tx.sql(
            "insert into srv_event (event_id, namespace, type, source, subject, correlation_id,"
                + " at, data_json) values (:id, :ns, :type, :source, :subject, :cid, :at, :data)")
        .param("id", event.id())
        .param("ns", event.namespace())
        .param("type", event.type())
        .param("source", event.source())
        .param("subject", event.subject())
        .param("cid", event.correlationId())
        .param("at", Timestamp.from(event.at()))
        .param("data", json.writeValueAsString(event.data()))
        .update(key, "seq");
    SystemEvent stored = withSeq(event, key.getKey().longValue());
    outbox.getObject().enqueue(stored);
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

  /**
   * The namespace's events with correlation id {@code correlationId} published at or after {@code
   * since}, up to offset {@code until}, oldest first.
   */
  public List<SystemEvent> correlated(
      String namespace, String correlationId, java.time.Instant since, long until) {
    return jdbc.sql(
            "select * from srv_event where namespace = :ns and correlation_id = :cid"
                + " and at >= :since and seq <= :until order by seq")
        .param("ns", namespace)
        .param("cid", correlationId)
        .param("since", Timestamp.from(since))
        .param("until", until)
        .query(this::read)
        .list();
  }

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
        .query(this::read)
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

  private SystemEvent read(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new SystemEvent(
        rs.getLong("seq"),
        rs.getString("event_id"),
        rs.getString("namespace"),
        rs.getString("type"),
        rs.getString("source"),
        rs.getString("subject"),
        rs.getString("correlation_id"),
        rs.getTimestamp("at").toInstant(),
        json.readValue(rs.getString("data_json"), Object.class));
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
