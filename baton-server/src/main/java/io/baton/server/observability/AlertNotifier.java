package io.baton.server.observability;

import io.baton.server.config.BatonProperties;
import io.baton.server.events.EventBus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells everyone of an alert raised or resolved: an event on the bus ({@code alert.raised}, {@code
 * alert.resolved}), a {@code {event, alert}} JSON post to each webhook ({@code
 * baton.alerts.webhooks}) and an email to {@code baton.alerts.email.to} (through the SMTP server of
 * {@code spring.mail.*}). Webhooks and emails go without waiting: a slow or failing receiver delays
 * nothing, and its failure is logged.
 */
@Component
public class AlertNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(AlertNotifier.class);
  private final EventBus events;
  private final BatonProperties.Alerts settings;
  private final ObjectProvider<JavaMailSender> mail;
  private final JsonMapper json;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  AlertNotifier(
      EventBus events,
      BatonProperties properties,
      ObjectProvider<JavaMailSender> mail,
      JsonMapper json) {
    this.events = events;
    this.settings = properties.alerts();
    this.mail = mail;
    this.json = json;
  }

  /** Publishes {@code event} ({@code alert.raised}, {@code alert.resolved}) to every channel. */
  public void announce(String event, Alert alert) {
    events.publish(
        AlertEngine.NAMESPACE, new EventBus.Draft(event, "alerts", alert.alertId(), null, alert));
    post(event, alert, settings.webhooks());
    email(event, alert);
  }

  /** Posts {@code event} to each of {@code webhooks}. */
  void post(String event, Alert alert, List<String> webhooks) {
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

  private void email(String event, Alert alert) {
    BatonProperties.Email email = settings.email();
    JavaMailSender sender = mail.getIfAvailable();
    if (email.to().isEmpty()) {
      return;
    }
    if (sender == null) {
      LOG.warn("alert email to {} not sent: no SMTP server (spring.mail.host) is set", email.to());
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(email.from());
    message.setTo(email.to().toArray(String[]::new));
    message.setSubject(
        "[Baton " + alert.severity() + "] " + event.replace('.', ' ') + ": " + alert.ruleId());
    message.setText(
        alert.message()
            + "\n\nalert "
            + alert.alertId()
            + ", rule "
            + alert.ruleId()
            + ", "
            + alert.status()
            + ", raised at "
            + alert.raisedAt()
            + (alert.resolvedAt() == null ? "" : ", resolved at " + alert.resolvedAt()));
    Thread.ofVirtual()
        .name("baton-alert-mail")
        .start(
            () -> {
              try {
                sender.send(message);
              } catch (RuntimeException e) {
                LOG.warn("alert email {} {} to {} not sent", event, alert.alertId(), email.to(), e);
              }
            });
  }
}
