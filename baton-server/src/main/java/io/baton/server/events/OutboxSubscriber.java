package io.baton.server.events;

import java.util.List;

/**
 * A subscriber that takes events outward (to a webhook, …) through the {@link EventOutbox}, so that
 * its deliveries get the outbox's guarantees: each receiver of an event is a reaction {@code
 * <name>:<receiver>} written in the transaction that stores the event, run on the outbox's thread
 * (the publisher never waits for it), retried with backoff on the server's clock, taken up after a
 * restart, and sent to the {@link DeadLetters} after its attempts, from where a replay delivers it
 * again. Event routes ({@code route:<id>}) are one; the alert webhooks ({@code
 * alert-webhook:<host>#<hash>}) and emails ({@code alert-email:<domain>#<hash>}) others.
 *
 * <p>A Spring bean implementing it is found by the outbox; its name must not be one of the bus's
 * own reactions ({@code waits}, {@code trigger}, {@code correlations}).
 */
public interface OutboxSubscriber {
  /** Its name, the prefix of its reactions ({@code route}). */
  String name();

  /**
   * The receivers that take {@code event} (none: it is not for this subscriber), each named in at
   * most 150 characters that stay the same across restarts.
   */
  List<String> receiversOf(SystemEvent event);

  /**
   * Delivers {@code event} to {@code receiver}; does nothing when the receiver is gone since.
   *
   * @throws WebhookPost.Refused (or {@link IllegalArgumentException}) when no retry can help: the
   *     outbox sends it to the dead letters at once
   * @throws RuntimeException any other failure, retried after a backoff
   */
  void deliver(String receiver, SystemEvent event);

  /** How many attempts a delivery of {@code event} to {@code receiver} gets, at least 1. */
  int attempts(String receiver, SystemEvent event);
}
