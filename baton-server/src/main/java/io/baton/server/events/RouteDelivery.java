package io.baton.server.events;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers events along the routes they match ({@code route:<id>} in the {@link EventOutbox}):
 * unless the route's filter says no, posts the body its transform renders (else the event) as JSON
 * to its URL through {@link WebhookPost}, with the event's id in {@code X-Baton-Event-Id} so that
 * the receiver can drop a second delivery.
 */
@Component
class RouteDelivery implements OutboxSubscriber {
  private final EventRoutes routes;
  private final WebhookPost post;
  private final JsonMapper json;

  RouteDelivery(EventRoutes routes, WebhookPost post, JsonMapper json) {
    this.routes = routes;
    this.post = post;
    this.json = json;
  }

  @Override
  public String name() {
    return "route";
  }

  @Override
  public List<String> receiversOf(SystemEvent event) {
    return routes.matching(event).stream().map(EventRoute::id).toList();
  }

  @Override
  public void deliver(String routeId, SystemEvent event) {
    routes.find(event.namespace(), routeId).ifPresent(route -> deliver(route, event));
  }

  @Override
  public int attempts(String routeId, SystemEvent event) {
    return routes.find(event.namespace(), routeId).map(EventRoute::maxAttempts).orElse(1);
  }

  /** Delivers {@code event} along {@code route}, unless the route's filter says no. */
  private void deliver(EventRoute route, SystemEvent event) {
    Map<String, Object> variables = EventExpressions.variables(event);
    if (route.filter() != null
        && !EventExpressions.filter(route.filter(), "/filter").test(variables)) {
      return;
    }
    Object body =
        route.transform() == null
            ? variables.get("event")
            : EventExpressions.template(route.transform(), "/transform").render(variables);
    post.post(
        URI.create(route.url()),
        json.writeValueAsString(body),
        Map.of("X-Baton-Event-Id", event.id(), "X-Baton-Route", route.id()),
        "route " + route.id() + ": " + route.url());
  }
}
