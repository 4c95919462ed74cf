package io.baton.api.definition;

/**
 * The event a {@link WaitStep} waits for.
 *
 * @param name the event's type
 * @param correlationKey a template; only an event signalled with the same key wakes the step
 */
public record EventWait(String name, String correlationKey) {}
