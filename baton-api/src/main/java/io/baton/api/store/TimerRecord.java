package io.baton.api.store;

import java.time.Instant;

/**
 * A durable timer: when it is due, the engine wakes run {@code runId} (loading it if it was
 * evicted).
 *
 * @param timerId unique id
 * @param runId the run to wake
 * @param path the step it concerns, or null for the run itself
 * @param dueAt when it fires
 */
public record TimerRecord(String timerId, String runId, String path, Instant dueAt) {}
