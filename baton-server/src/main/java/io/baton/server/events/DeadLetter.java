package io.baton.server.events;

import java.time.Instant;

/**
 * An event a subscriber could not take after its attempts.
 *
 * @param id its id
 * @param namespace the event's namespace
 * @param subscriber who could not take it ({@code trigger:<id>})
 * @param eventSeq the event's offset in the history
 * @param eventId the event's id
 * @param eventType the event's type
 * @param error the last failure
 * @param attempts how many deliveries failed, replays included
 * @param failedAt when it first went to the dead letters
 * @param lastAttemptAt when delivery was last tried
 */
public record DeadLetter(
    long id,
    String namespace,
    String subscriber,
    long eventSeq,
    String eventId,
    String eventType,
    String error,
    int attempts,
    Instant failedAt,
    Instant lastAttemptAt) {}
