package io.baton.modules;

import java.time.Instant;
import java.util.Map;

/**
 * One message on the hub's bus, as logged: a request from one module to another (answered with the
 * target's result), a broadcast, or an event a module published.
 *
 * @param messageId a UUID v4
 * @param correlationId ties a request to its response, and a broadcast to its deliveries
 * @param kind what it is
 * @param from the sending module (or {@code api})
 * @param to the receiving module, or null for broadcasts and events
 * @param type the operation requested, or the event type
 * @param payload the request or event data
 * @param at when it was sent
 * @param outcome {@code delivered}, {@code answered}, or {@code failed: <why>}
 */
public record ModuleMessage(
    String messageId,
    String correlationId,
    Kind kind,
    String from,
    String to,
    String type,
    Map<String, Object> payload,
    Instant at,
    String outcome) {

  /** What a message is. */
  public enum Kind {
    /** A request of one module to another ({@code sendMessage} of the seeds). */
    REQUEST,
    /** A message to every subscriber of its type. */
    BROADCAST,
    /** An event published by a module (entity created, decision taken, …). */
    EVENT
  }
}
