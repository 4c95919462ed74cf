package io.baton.server.audit;

import java.time.Instant;

/**
 * One change or run action: who did what to which resource, when, and the resource before and after
 * (secrets' values never appear: only their names).
 *
 * @param id the entry's position in the log
 * @param at when
 * @param actor the caller's subject
 * @param namespace the namespace
 * @param action e.g. {@code workflow.create}, {@code execution.stop}
 * @param resourceType e.g. {@code workflow}
 * @param resourceId the resource's id
 * @param before the resource before (JSON), or null
 * @param after the resource after (JSON), or null
 */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String namespace,
    String action,
    String resourceType,
    String resourceId,
    Object before,
    Object after) {}
