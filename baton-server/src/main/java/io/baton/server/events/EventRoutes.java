package io.baton.server.events;

import io.baton.api.time.TimeSource;
import io.baton.server.api.ApiError;
import io.baton.server.security.Caller;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event routes of each namespace ({@code srv_event_route}): created from a request body that is
 * checked whole (the filter compiles, the transform parses, the URL is http(s) to a host of {@code
 * baton.events.routes.allowed-hosts} — none by default, so that nobody makes the server call what
 * it should not), listed, read and deleted.
 */
@Component
public class EventRoutes {
  private final JdbcClient jdbc;
  private final TimeSource clock;
  private final JsonMapper json;
  private final Set<String> allowedHosts;

  EventRoutes(
      JdbcClient jdbc,
      TimeSource clock,
      JsonMapper json,
      @Value("${baton.events.routes.allowed-hosts:}") List<String> allowedHosts) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = json;
    this.allowedHosts =
        allowedHosts.stream()
            .map(h -> h.trim().toLowerCase(Locale.ROOT))
            .filter(h -> !h.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Creates a route from {@code {id, type, url, filter?, transform?, maxAttempts?, enabled?}} → the
   * route; 400 naming the field that is wrong, 409 when the id is taken.
   */
  public EventRoute create(Caller caller, Map<String, Object> body) {
    String id = RequestFields.id(body);
    String filter = RequestFields.text(body, "filter", false);
    if (filter != null) {
      EventExpressions.filter(filter, "/filter");
    }
    Object transform = body.get("transform");
    if (transform != null) {
      EventExpressions.template(transform, "/transform");
    }
    EventRoute route =
        new EventRoute(
            id,
            caller.namespace(),
            RequestFields.text(body, "type", true),
            filter,
            transform,
            checkedUrl(RequestFields.text(body, "url", true)),
            RequestFields.integer(body, "maxAttempts", 5, 1, 20, ""),
            !Boolean.FALSE.equals(body.get("enabled")),
            caller.subject(),
            clock.now());
    try {
      jdbc.sql(
              "insert into srv_event_route (route_id, namespace, type_pattern, filter_cel,"
                  + " transform_json, url, max_attempts, enabled, created_by, created_at)"
                  + " values (:id, :ns, :type, :filter, :transform, :url, :max, :on, :by, :at)")
          .param("id", route.id())
          .param("ns", route.namespace())
          .param("type", route.type())
          .param("filter", route.filter())
          .param("transform", transform == null ? null : json.writeValueAsString(transform))
          .param("url", route.url())
          .param("max", route.maxAttempts())
          .param("on", route.enabled())
          .param("by", route.createdBy())
          .param("at", Timestamp.from(route.createdAt()))
          .update();
    } catch (DuplicateKeyException taken) {
      throw ApiError.conflict("a route named '" + id + "' exists already");
    }
    return route;
  }

  private String checkedUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw ApiError.badField("/url", "invalid-url", "url is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw ApiError.badField(
          "/url", "invalid-url", "url must be an http or https URL with a host, was " + url);
    }
    if (!allowedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
      throw ApiError.badField(
          "/url",
          "host-not-allowed",
          "routes may post only to the hosts of baton.events.routes.allowed-hosts ("
              + (allowedHosts.isEmpty() ? "none set" : String.join(", ", allowedHosts))
              + "); ask an operator to add "
              + uri.getHost());
    }
    return url;
  }

  /** The routes of {@code namespace}, by id. */
  public List<EventRoute> list(String namespace) {
    return jdbc.sql("select * from srv_event_route where namespace = :ns order by route_id")
        .param("ns", namespace)
        .query(this::read)
        .list();
  }

  /** One route; 404 when {@code namespace} has none of that id. */
  public EventRoute get(String namespace, String id) {
    return find(namespace, id).orElseThrow(() -> ApiError.notFound("event route", id));
  }

  /** One route, if {@code namespace} has one of that id. */
  Optional<EventRoute> find(String namespace, String id) {
    return jdbc.sql("select * from srv_event_route where namespace = :ns and route_id = :id")
        .param("ns", namespace)
        .param("id", id)
        .query(this::read)
        .optional();
  }

  /** Deletes a route → what it was. */
  public EventRoute delete(String namespace, String id) {
    EventRoute gone = get(namespace, id);
    jdbc.sql("delete from srv_event_route where namespace = :ns and route_id = :id")
        .param("ns", namespace)
        .param("id", id)
        .update();
    return gone;
  }

  /** The enabled routes of the event's namespace whose type pattern its type matches. */
  List<EventRoute> matching(SystemEvent event) {
    return list(event.namespace()).stream()
        .filter(r -> r.enabled() && EventBus.glob(r.type()).matcher(event.type()).matches())
        .toList();
  }

  private EventRoute read(ResultSet rs, int row) throws SQLException {
    String transform = rs.getString("transform_json");
    return new EventRoute(
        rs.getString("route_id"),
        rs.getString("namespace"),
        rs.getString("type_pattern"),
        rs.getString("filter_cel"),
        transform == null ? null : json.readValue(transform, Object.class),
        rs.getString("url"),
        rs.getInt("max_attempts"),
        rs.getBoolean("enabled"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}
