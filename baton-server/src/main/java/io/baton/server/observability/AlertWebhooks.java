package io.baton.server.observability;

import io.baton.server.config.BatonProperties;
import io.baton.server.events.OutboxSubscriber;
import io.baton.server.events.SystemEvent;
import io.baton.server.events.WebhookPost;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhooks of {@code baton.alerts.webhooks}, as an {@link OutboxSubscriber} of the alert events
 * ({@code alert.raised}, {@code alert.resolved}, published by {@link AlertNotifier}): each webhook
 * receives {@code {event, alert}} as JSON, with the event's id in {@code X-Baton-Event-Id} so that
 * it can drop a second delivery. Through the event outbox a delivery is durable (written with the
 * alert's event, taken up after a restart), retried with backoff ({@code baton.events.retry.*}) for
 * {@code baton.alerts.webhook-attempts} (5) attempts, then a dead letter of the {@code default}
 * namespace that a replay sends again. Each failed attempt counts in {@code
 * baton.alerts.webhook.failures}.
 *
 * <p>A webhook is named {@code <host>#<hash>} (the first 8 hex digits of the URL's SHA-256) in the
 * outbox, the dead letters and the errors, never by its URL: a webhook URL often carries a secret
 * (a Slack or Teams webhook's path is its token), and the dead letters are shown to the namespace's
 * operators.
 */
@Component
class AlertWebhooks implements OutboxSubscriber {
  static final String NAME = "alert-webhook";

  private final Map<String, URI> byName = new LinkedHashMap<>();
  private final WebhookPost post;
  private final JsonMapper json;
  private final MeterRegistry registry;
  private final int attempts;

  AlertWebhooks(
      BatonProperties properties,
      WebhookPost post,
      JsonMapper json,
      MeterRegistry registry,
      @Value("${baton.alerts.webhook-attempts:5}") int attempts) {
    this.post = post;
    this.json = json;
    this.registry = registry;
    this.attempts = Math.max(1, attempts);
    List<String> urls = properties.alerts().webhooks();
    for (int i = 0; i < urls.size(); i++) {
      URI url = parse(urls.get(i), i);
      byName.put(name(url), url);
    }
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
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(url.toString().getBytes(StandardCharsets.UTF_8));
      String host = url.getHost();
      // the reaction's name has 200 characters at most in the outbox
      return host.substring(0, Math.min(host.length(), 150))
          + "#"
          + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Every webhook, for the alert events the alert engine publishes (not for look-alikes). */
  @Override
  public List<String> receiversOf(SystemEvent event) {
    boolean alert =
        AlertEngine.NAMESPACE.equals(event.namespace())
            && AlertNotifier.SOURCE.equals(event.source())
            && event.type().startsWith("alert.");
    return alert ? List.copyOf(byName.keySet()) : List.of();
  }

  @Override
  public void deliver(String webhook, SystemEvent event) {
    URI url = byName.get(webhook);
    if (url == null) {
      return; // no longer configured: nobody to tell
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", event.type());
    body.put("alert", event.data());
    try {
      post.post(
          url,
          json.writeValueAsString(body),
          Map.of("X-Baton-Event-Id", event.id()),
          "alert webhook " + webhook);
    } catch (RuntimeException e) {
      Counter.builder("baton.alerts.webhook.failures")
          .description("alert webhook deliveries that failed, each attempt")
          .tag("webhook", webhook)
          .register(registry)
          .increment();
      throw e;
    }
  }

  @Override
  public int attempts(String webhook, SystemEvent event) {
    return attempts;
  }
}
