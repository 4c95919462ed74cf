package io.baton.server.observability;

import io.baton.server.config.BatonProperties;
import io.baton.server.events.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells everyone of an alert raised or resolved: an event on the bus ({@code alert.raised}, {@code
 * alert.resolved}), which the event outbox delivers to each webhook of {@code
 * baton.alerts.webhooks} with retries, across restarts, and dead letters ({@link AlertWebhooks});
 * and an email to {@code baton.alerts.email.to} (through the SMTP server of {@code spring.mail.*}).
 * Neither holds the alert engine up; an email that cannot be sent is logged, not retried.
 */
@Component
public class AlertNotifier {
  /** The source of the alert events, which only the alert engine publishes. */
  static final String SOURCE = "alerts";

  private static final Logger LOG = LoggerFactory.getLogger(AlertNotifier.class);
  private final EventBus events;
  private final BatonProperties.Alerts settings;
  private final ObjectProvider<JavaMailSender> mail;

  AlertNotifier(EventBus events, BatonProperties properties, ObjectProvider<JavaMailSender> mail) {
    this.events = events;
    this.settings = properties.alerts();
    this.mail = mail;
  }

  /**
   * Publishes {@code event} ({@code alert.raised}, {@code alert.resolved}) to every channel: the
   * webhooks' deliveries are written with the event, in its transaction.
   */
  public void announce(String event, Alert alert) {
    events.publish(
        AlertEngine.NAMESPACE, new EventBus.Draft(event, SOURCE, alert.alertId(), null, alert));
    email(event, alert);
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
