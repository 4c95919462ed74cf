package io.baton.server.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers an event along a route: unless the route's filter says no, posts the body its transform
 * renders (else the event) as JSON to its URL, with the event's id in {@code X-Baton-Event-Id} so
 * that the receiver can drop a second delivery. A 2xx answer delivers it; a network failure, a
 * timeout, 408, 429 or 5xx may pass and is retried; any other answer is the receiver refusing it
 * ({@link Refused}), which no retry mends.
 */
@Component
class RouteDelivery {
  private final HttpClient http;
  private final Duration timeout;
  private final JsonMapper json;

  RouteDelivery(JsonMapper json, @Value("${baton.events.routes.timeout:10s}") Duration timeout) {
    this.json = json;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** The receiver answered that it will not take the event. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  /** Delivers {@code event} along {@code route} → whether it was posted (the filter let it). */
  boolean deliver(EventRoute route, SystemEvent event) {
    Map<String, Object> variables = EventExpressions.variables(event);
    if (route.filter() != null
        && !EventExpressions.filter(route.filter(), "/filter").test(variables)) {
      return false;
    }
    Object body =
        route.transform() == null
            ? variables.get("event")
            : EventExpressions.template(route.transform(), "/transform").render(variables);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(route.url()))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("X-Baton-Event-Id", event.id())
            .header("X-Baton-Route", route.id())
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(
          "route " + route.id() + ": " + route.url() + " did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("route " + route.id() + ": interrupted", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return true;
    }
    String answer =
        "route " + route.id() + ": " + route.url() + " answered " + status + " " + clip(response);
    if (status == 408 || status == 429 || status >= 500) {
      throw new IllegalStateException(answer);
    }
    throw new Refused(answer);
  }

  private static String clip(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body();
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }
}
