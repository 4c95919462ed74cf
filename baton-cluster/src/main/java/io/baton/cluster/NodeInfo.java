package io.baton.cluster;

import java.time.Instant;

/**
 * A node as the cluster sees it.
 *
 * @param nodeId its id
 * @param host where it runs
 * @param startedAt when it (last) joined
 * @param lastHeartbeat when it last said it was alive
 * @param capacity how many steps it runs at once
 * @param load its runs in memory plus its running steps, at its last heartbeat
 * @param leases how many runs it owns now
 * @param live whether it heart-beat within the lease TTL and has not left
 */
public record NodeInfo(
    String nodeId,
    String host,
    Instant startedAt,
    Instant lastHeartbeat,
    int capacity,
    int load,
    int leases,
    boolean live) {}
