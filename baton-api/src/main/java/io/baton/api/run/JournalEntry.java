package io.baton.api.run;

/**
 * An event as stored: the run it belongs to and its position in that run's journal (0-based,
 * gapless).
 *
 * @param runId the run
 * @param seq the event's position in the run's journal
 * @param event the event
 */
public record JournalEntry(String runId, long seq, RunEvent event) {}
