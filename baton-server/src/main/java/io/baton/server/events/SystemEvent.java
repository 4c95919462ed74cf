package io.baton.server.events;

import java.time.Instant;

/**
 * An event on the system event bus.
 *
 * @param seq its position in the bus's history (the stream offset)
 * @param id its unique id
 * @param namespace the namespace it belongs to
 * @param type e.g. {@code run.completed}, {@code alert.raised}, or a user's own type
 * @param source what published it ({@code engine}, {@code alerts}, {@code api:<caller>})
 * @param subject what it is about (a run id, an alert id), or null
 * @param correlationId the key runs waiting for the event match, or null
 * @param at when it was published
 * @param data its payload
 */
public record SystemEvent(
    long seq,
    String id,
    String namespace,
    String type,
    String source,
    String subject,
    String correlationId,
    Instant at,
    Object data) {}
