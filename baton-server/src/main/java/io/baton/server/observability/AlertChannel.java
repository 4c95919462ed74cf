package io.baton.server.observability;

import io.baton.server.events.OutboxSubscriber;
import io.baton.server.events.SystemEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A channel that takes the alert events ({@code alert.raised}, {@code alert.resolved}, published by
 * {@link AlertNotifier}) outward through the event outbox, so that each delivery is durable
 * (written with the alert's event, in its transaction, taken up after a restart), retried with the
 * outbox's backoff ({@code baton.events.retry.*}) for the channel's attempts, then a dead letter of
 * the {@code default} namespace that a replay sends again. Every failed attempt counts in the
 * channel's failure counter, tagged with the receiver's name.
 *
 * <p>The webhooks ({@link AlertWebhooks}) and the email recipients ({@link AlertEmails}) are two;
 * this class holds what they share, each adds how it sends.
 *
 * @param <T> what a receiver is to the channel (a URL, a list of addresses)
 */
abstract class AlertChannel<T> implements OutboxSubscriber {
  private final String name;
  private final Map<String, T> receivers;
  private final int attempts;
  private final Failures failures;
  private final MeterRegistry registry;

  /**
   * The counter of a channel's failed attempts.
   *
   * @param metric its name ({@code baton.alerts.webhook.failures})
   * @param description what it counts
   * @param receiverTag the tag that names the receiver ({@code webhook})
   */
  record Failures(String metric, String description, String receiverTag) {}

  /**
   * @param name the channel's name, the prefix of its reactions in the outbox
   * @param receivers the receivers by the names the outbox and the dead letters show, which stay
   *     the same across restarts while the configuration does
   * @param attempts how many attempts a delivery gets (at least 1)
   * @param failures the counter of failed attempts
   */
  AlertChannel(
      String name,
      Map<String, T> receivers,
      int attempts,
      Failures failures,
      MeterRegistry registry) {
    this.name = name;
    this.receivers = new LinkedHashMap<>(receivers);
    this.attempts = Math.max(1, attempts);
    this.failures = failures;
    this.registry = registry;
  }

  /**
   * How a receiver is named where operators see it: {@code <readable>#<hash>}, the first 8 hex
   * digits of {@code secret}'s SHA-256 after something readable (a host, a domain), never the
   * secret itself (a webhook's path is often its token).
   */
  static String hashedName(String readable, String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      // the reaction's name has 200 characters at most in the outbox
      return readable.substring(0, Math.min(readable.length(), 150))
          + "#"
          + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  @Override
  public final String name() {
    return name;
  }

  /** Every receiver, for the alert events the alert engine publishes (not for look-alikes). */
  @Override
  public final List<String> receiversOf(SystemEvent event) {
    boolean alert =
        AlertEngine.NAMESPACE.equals(event.namespace())
            && AlertNotifier.SOURCE.equals(event.source())
            && event.type().startsWith("alert.");
    return alert ? List.copyOf(receivers.keySet()) : List.of();
  }

  @Override
  public final void deliver(String receiver, SystemEvent event) {
    T target = receivers.get(receiver);
    if (target == null) {
      return; // no longer configured: nobody to tell
    }
    try {
      send(receiver, target, event);
    } catch (RuntimeException e) {
      Counter.builder(failures.metric())
          .description(failures.description())
          .tag(failures.receiverTag(), receiver)
          .register(registry)
          .increment();
      throw e;
    }
  }

  @Override
  public final int attempts(String receiver, SystemEvent event) {
    return attempts;
  }

  /**
   * Sends alert event {@code event} to {@code target}, named {@code receiver}.
   *
   * @throws IllegalArgumentException (or {@link io.baton.server.events.WebhookPost.Refused}) when
   *     the receiver refuses it for good: a dead letter at once
   * @throws RuntimeException when it may take it later: tried again after a backoff
   */
  abstract void send(String receiver, T target, SystemEvent event);
}
