package io.baton.server.workflow;

import java.time.Instant;

/**
 * A workflow in the server's catalogue: which namespace owns it and which versions it has.
 *
 * @param id the workflow's id (unique across namespaces)
 * @param namespace the owner
 * @param name its latest name
 * @param description its latest description
 * @param latestVersion the newest version
 * @param publishedVersion the newest published version, or null
 * @param deleted whether it was deleted (its versions stay, for the runs pinned to them)
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record WorkflowEntry(
    String id,
    String namespace,
    String name,
    String description,
    int latestVersion,
    Integer publishedVersion,
    boolean deleted,
    Instant createdAt,
    Instant updatedAt) {}
