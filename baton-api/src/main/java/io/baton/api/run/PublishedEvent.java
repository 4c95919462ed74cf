package io.baton.api.run;

import java.time.Instant;

/**
 * An event published by a run's {@code event} step, as the engine hands it to its {@linkplain
 * io.baton.api.spi.RunListener#onPublished listeners} once the step's completion is durable. The
 * engine has delivered it to the runs waiting for it already; listeners take it further (an
 * application's event bus, other systems).
 *
 * @param id {@code runId/path/attempt}: the same if the engine ever hands the same publication
 *     again, so that a receiver can act on it once
 * @param runId the run whose step published it
 * @param path the step's path in that run
 * @param type the event's type (the step's {@code event})
 * @param correlationKey the step's resolved correlation key, or null
 * @param data the step's resolved {@code data}, a JSON value
 * @param at when the step completed
 */
public record PublishedEvent(
    String id,
    String runId,
    String path,
    String type,
    String correlationKey,
    Object data,
    Instant at) {}
