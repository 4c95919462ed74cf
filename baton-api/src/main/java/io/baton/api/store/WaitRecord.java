package io.baton.api.store;

import io.baton.api.run.WaitKind;

/**
 * An index entry for a suspended step, so that an answer or an event finds its run even when the
 * run is not in memory.
 *
 * @param waitId the wait's stable id
 * @param runId the run
 * @param path the waiting step
 * @param kind what it waits for
 * @param eventName for {@link WaitKind#EVENT}: the event's type, otherwise null
 * @param correlationKey for {@link WaitKind#EVENT}: the key, or null to match any
 */
public record WaitRecord(
    String waitId,
    String runId,
    String path,
    WaitKind kind,
    String eventName,
    String correlationKey) {}
