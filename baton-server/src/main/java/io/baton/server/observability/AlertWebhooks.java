package io.baton.server.observability;

import io.baton.server.config.BatonProperties;
import io.baton.server.events.SystemEvent;
import io.baton.server.events.WebhookPost;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhooks of {@code baton.alerts.webhooks}, an {@link AlertChannel} (durable, retried, dead
 * letters): each webhook receives {@code {event, alert}} as JSON, with the event's id in {@code
 * X-Baton-Event-Id} so that it can drop a second delivery; {@code baton.alerts.webhook-attempts}
 * (5) attempts; each failed attempt counts in {@code baton.alerts.webhook.failures}.
 *
 * <p>A webhook is named {@code <host>#<hash>} (the first 8 hex digits of the URL's SHA-256) in the
 * outbox, the dead letters and the errors, never by its URL: a webhook URL often carries a secret
 * (a Slack or Teams webhook's path is its token), and the dead letters are shown to the namespace's
 * operators.
 */
@Component
class AlertWebhooks extends AlertChannel<URI> {
  static final String NAME = "alert-webhook";

  private final WebhookPost post;
  private final JsonMapper json;

  AlertWebhooks(
      BatonProperties properties,
      WebhookPost post,
      JsonMapper json,
      MeterRegistry registry,
      @Value("${baton.alerts.webhook-attempts:5}") int attempts) {
    super(
        NAME,
        byName(properties.alerts().webhooks()),
        attempts,
        new Failures(
            "baton.alerts.webhook.failures",
            "alert webhook deliveries that failed, each attempt",
            "webhook"),
        registry);
    this.post = post;
    this.json = json;
  }

  private static Map<String, URI> byName(List<String> urls) {
    Map<String, URI> byName = new LinkedHashMap<>();
    for (int i = 0; i < urls.size(); i++) {
      URI url = parse(urls.get(i), i);
      byName.put(name(url), url);
    }
    return byName;
  }

  private static URI parse(String url, int index) {
    try {
      URI uri = URI.create(url.trim());
      if (uri.getHost() != null
          && ("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()))) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "baton.alerts.webhooks["
            + index
            + "] must be an http(s) URL with a host, like https://hooks.example.com/baton, was '"
            + url
            + "'");
  }

  /** How the outbox and the dead letters name a webhook: its host and a hash of its URL. */
  static String name(URI url) {
    return hashedName(url.getHost(), url.toString());
  }

  @Override
  void send(String webhook, URI url, SystemEvent event) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", event.type());
    body.put("alert", event.data());
    post.post(
        url,
        json.writeValueAsString(body),
        Map.of("X-Baton-Event-Id", event.id()),
        "alert webhook " + webhook);
  }
}
