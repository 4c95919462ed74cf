package io.baton.server.events;

import java.time.Instant;

/**
 * An event route (seed 001): events of its namespace whose type matches {@code type} (and {@code
 * filter}, when set) are posted, as {@code transform} renders them, to {@code url}.
 *
 * @param id its name, unique in its namespace
 * @param namespace its namespace
 * @param type an event type or glob ({@code order.*})
 * @param filter a CEL condition over {@code event}, or null
 * @param transform the body posted: a template over {@code event}, or null for the event itself
 * @param url where to post it (its host on {@code baton.events.routes.allowed-hosts})
 * @param maxAttempts how many deliveries are tried before the event goes to the dead letters
 * @param enabled whether it delivers
 * @param createdBy who created it
 * @param createdAt when
 */
public record EventRoute(
    String id,
    String namespace,
    String type,
    String filter,
    Object transform,
    String url,
    int maxAttempts,
    boolean enabled,
    String createdBy,
    Instant createdAt) {}
