package io.baton.server.events;

import io.baton.api.time.TimeSource;
import io.baton.server.api.ApiError;
import io.baton.server.security.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The correlation rules of each namespace ({@code srv_correlation_rule}) and their matching. The
 * matching keeps no state of its own: it reads the history by correlation id (since the rule's last
 * composite for that id, within its window), so it survives restarts and works across nodes; a
 * composite's id ({@code correlation:<rule>:<event>}) makes it idempotent.
 */
@Component
public class CorrelationRules {
  private final JdbcClient jdbc;
  private final ObjectProvider<EventBus> bus;
  private final TimeSource clock;
  private final JsonMapper json;

  CorrelationRules(
      JdbcClient jdbc, ObjectProvider<EventBus> bus, TimeSource clock, JsonMapper json) {
    this.jdbc = jdbc;
    this.bus = bus;
    this.clock = clock;
    this.json = json;
  }

  /**
   * Creates a rule from {@code {id, types, emit, within?}} ({@code within} an ISO-8601 duration,
   * default {@code PT1H}); 400 naming the wrong field, 409 when the id is taken.
   */
  public CorrelationRule create(Caller caller, Map<String, Object> body) {
    String id = RequestFields.id(body);
    String emit = RequestFields.text(body, "emit", true);
    List<String> types = types(body.get("types"), emit);
    Duration within = within(RequestFields.text(body, "within", false));
    CorrelationRule rule =
        new CorrelationRule(
            id, caller.namespace(), types, emit, within, caller.subject(), clock.now());
    try {
      jdbc.sql(
              "insert into srv_correlation_rule (rule_id, namespace, types_json, emit_type,"
                  + " within_ms, created_by, created_at)"
                  + " values (:id, :ns, :types, :emit, :within, :by, :at)")
          .param("id", id)
          .param("ns", rule.namespace())
          .param("types", json.writeValueAsString(types))
          .param("emit", emit)
          .param("within", within.toMillis())
          .param("by", rule.createdBy())
          .param("at", Timestamp.from(rule.createdAt()))
          .update();
    } catch (DuplicateKeyException taken) {
      throw ApiError.conflict("a correlation rule named '" + id + "' exists already");
    }
    return rule;
  }

  /** The rules of {@code namespace}, by id. */
  public List<CorrelationRule> list(String namespace) {
    return jdbc.sql("select * from srv_correlation_rule where namespace = :ns order by rule_id")
        .param("ns", namespace)
        .query(this::read)
        .list();
  }

  /** One rule; 404 when {@code namespace} has none of that id. */
  public CorrelationRule get(String namespace, String id) {
    return jdbc.sql("select * from srv_correlation_rule where namespace = :ns and rule_id = :id")
        .param("ns", namespace)
        .param("id", id)
        .query(this::read)
        .optional()
        .orElseThrow(() -> ApiError.notFound("correlation rule", id));
  }

  /** Deletes a rule → what it was. */
  public CorrelationRule delete(String namespace, String id) {
    CorrelationRule gone = get(namespace, id);
    jdbc.sql("delete from srv_correlation_rule where namespace = :ns and rule_id = :id")
        .param("ns", namespace)
        .param("id", id)
        .update();
    return gone;
  }

  /**
   * Whether a rule of the event's namespace may take it (it has a correlation id and a rule's
   * type).
   */
  boolean concern(SystemEvent event) {
    return event.correlationId() != null
        && list(event.namespace()).stream().anyMatch(r -> r.types().contains(event.type()));
  }

  /** Publishes the composite events that {@code event} completes. */
  List<EventBus.Publication> complete(SystemEvent event) {
    if (event.correlationId() == null) {
      return List.of();
    }
    List<EventBus.Publication> out = new ArrayList<>();
    for (CorrelationRule rule : list(event.namespace())) {
      if (rule.types().contains(event.type())) {
        Map<String, Object> seen = seen(rule, event);
        if (seen.keySet().containsAll(rule.types())) {
          out.add(publishComposite(rule, event, seen));
        }
      }
    }
    return out;
  }

  /** The latest event of each of the rule's types since its last composite, within its window. */
  private Map<String, Object> seen(CorrelationRule rule, SystemEvent event) {
    String source = source(rule);
    Map<String, Object> seen = new LinkedHashMap<>();
    for (SystemEvent e :
        bus.getObject()
            .correlated(
                event.namespace(),
                event.correlationId(),
                event.at().minus(rule.within()),
                event.seq())) {
      if (source.equals(e.source())) {
        seen.clear(); // what came before the last composite is used up
      } else if (rule.types().contains(e.type())) {
        seen.put(e.type(), Map.of("id", e.id(), "data", e.data() == null ? Map.of() : e.data()));
      }
    }
    return seen;
  }

  private EventBus.Publication publishComposite(
      CorrelationRule rule, SystemEvent last, Map<String, Object> seen) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("rule", rule.id());
    data.put("events", seen);
    return bus.getObject()
        .publish(
            last.namespace(),
            "correlation:" + rule.id() + ":" + last.id(),
            new EventBus.Draft(rule.emit(), source(rule), null, last.correlationId(), data));
  }

  private static String source(CorrelationRule rule) {
    return "correlation:" + rule.id();
  }

  private static List<String> types(Object value, String emit) {
    if (!(value instanceof List<?> list)
        || list.size() < 2
        || !list.stream().allMatch(t -> t instanceof String s && !s.isBlank())) {
      throw ApiError.badField(
          "/types", "invalid-types", "types must list at least two event types, was " + value);
    }
    List<String> types =
        new ArrayList<>(new LinkedHashSet<>(list.stream().map(String::valueOf).toList()));
    if (types.size() < 2 || types.contains(emit) || types.stream().anyMatch(t -> t.contains("*"))) {
      throw ApiError.badField(
          "/types",
          "invalid-types",
          "types must be at least two distinct exact event types, none of them the emitted type '"
              + emit
              + "', was "
              + value);
    }
    return List.copyOf(types);
  }

  private static Duration within(String text) {
    if (text == null) {
      return Duration.ofHours(1);
    }
    try {
      Duration d = Duration.parse(text);
      if (d.isNegative() || d.isZero()) {
        throw new DateTimeParseException("not positive", text, 0);
      }
      return d;
    } catch (DateTimeParseException e) {
      throw ApiError.badField(
          "/within",
          "invalid-duration",
          "within must be a positive ISO-8601 duration such as PT10M, was " + text);
    }
  }

  private CorrelationRule read(ResultSet rs, int row) throws SQLException {
    return new CorrelationRule(
        rs.getString("rule_id"),
        rs.getString("namespace"),
        json.readValue(rs.getString("types_json"), new TypeReference<List<String>>() {}),
        rs.getString("emit_type"),
        Duration.ofMillis(rs.getLong("within_ms")),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}
