package io.baton.server.events;

import java.time.Instant;

/**
 * A reaction to an event that has not run yet, or failed and waits for its next attempt.
 *
 * @param id its id in the outbox
 * @param namespace the event's namespace
 * @param eventSeq the event's offset in the history
 * @param eventId the event's id
 * @param reaction what it does: {@code waits}, {@code trigger:<id>}, {@code correlations} or {@code
 *     route:<id>}
 * @param attempts how many attempts failed so far
 * @param dueAt when it runs (again)
 * @param lastError the last failure, or null
 */
public record PendingReaction(
    long id,
    String namespace,
    long eventSeq,
    String eventId,
    String reaction,
    int attempts,
    Instant dueAt,
    String lastError) {}
