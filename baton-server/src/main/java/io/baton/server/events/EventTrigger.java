package io.baton.server.events;

import java.time.Instant;

/**
 * An event trigger: events of its namespace whose type matches {@code type} (and {@code filter},
 * when set) start a run of {@code workflowId}, once per event id.
 *
 * @param id its name, unique in its namespace
 * @param namespace its namespace, also the namespace of the runs it starts
 * @param workflowId the workflow it starts (its published, else latest, version)
 * @param type an event type or glob ({@code order.*})
 * @param filter a CEL condition over {@code event} ({@code event.data.amount > 100}), or null
 * @param input the run's inputs: a template over {@code event} ({@code {orderId:
 *     "${event.data.id}"}}), or null for {@code {event: <the event>}}
 * @param maxAttempts how many times a start is tried before the event goes to the dead letters
 * @param enabled whether it fires
 * @param declared whether its workflow declares it ({@code metadata.triggers}): saving the workflow
 *     replaces it, deleting the workflow removes it
 * @param createdBy who created it
 * @param createdAt when
 */
public record EventTrigger(
    String id,
    String namespace,
    String workflowId,
    String type,
    String filter,
    Object input,
    int maxAttempts,
    boolean enabled,
    boolean declared,
    String createdBy,
    Instant createdAt) {}
