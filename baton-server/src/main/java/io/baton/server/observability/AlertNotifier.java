package io.baton.server.observability;

import io.baton.server.events.EventBus;
import org.springframework.stereotype.Component;

/**
 * Tells everyone of an alert raised or resolved: an event on the bus ({@code alert.raised}, {@code
 * alert.resolved}), which the event outbox delivers to each channel — the webhooks of {@code
 * baton.alerts.webhooks} ({@link AlertWebhooks}) and the recipients of {@code
 * baton.alerts.email.to} ({@link AlertEmails}) — with retries, across restarts, and dead letters.
 * None holds the alert engine up.
 */
@Component
public class AlertNotifier {
  /** The source of the alert events, which only the alert engine publishes. */
  static final String SOURCE = "alerts";

  private final EventBus events;

  AlertNotifier(EventBus events) {
    this.events = events;
  }

  /**
   * Publishes {@code event} ({@code alert.raised}, {@code alert.resolved}) to every channel: the
   * channels' deliveries are written with the event, in its transaction.
   */
  public void announce(String event, Alert alert) {
    events.publish(
        AlertEngine.NAMESPACE, new EventBus.Draft(event, SOURCE, alert.alertId(), null, alert));
  }
}
