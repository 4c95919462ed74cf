package io.baton.server.observability;

import io.baton.server.config.BatonProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends alerts to the configured webhooks ({@code baton.alerts.webhooks}) as {@code {event, alert}}
 * JSON, without waiting: a slow or failing receiver delays nothing.
 */
@Component
public class AlertNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(AlertNotifier.class);
  private final List<String> webhooks;
  private final JsonMapper json;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Autowired
  AlertNotifier(BatonProperties properties, JsonMapper json) {
    this(properties.alerts().webhooks(), json);
  }

  AlertNotifier(List<String> webhooks, JsonMapper json) {
    this.webhooks = List.copyOf(webhooks);
    this.json = json;
  }

  /** Posts {@code event} ({@code alert.raised}, {@code alert.resolved}) to every webhook. */
  public void notify(String event, Alert alert) {
    String body = json.writeValueAsString(Map.of("event", event, "alert", alert));
    for (String url : webhooks) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, error) -> {
                if (error != null || response.statusCode() >= 300) {
                  LOG.warn(
                      "alert webhook {} did not take {} {}: {}",
                      url,
                      event,
                      alert.alertId(),
                      error != null ? error.toString() : "HTTP " + response.statusCode());
                }
              });
    }
  }
}
