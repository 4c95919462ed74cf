package io.baton.modules.store;

import java.time.Instant;
import java.util.Map;

/**
 * One entity as stored: its JSON document, the query column {@code ref} beside it, and its
 * optimistic-locking version.
 *
 * @param key what it is
 * @param ref a query column whose meaning each type chooses (the run that made it, a role's name)
 * @param version 1 when inserted, one more at each update
 * @param document the JSON document (maps, lists, strings, numbers, booleans)
 * @param updatedAt when it was last written
 */
public record StoredEntity(
    EntityKey key, String ref, long version, Map<String, Object> document, Instant updatedAt) {}
