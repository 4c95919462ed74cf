package io.baton.cluster;

import java.time.Duration;

/**
 * How a node takes part in a cluster.
 *
 * <pre>{@code
 * ClusterOptions options = ClusterOptions.named("node-a")
 *     .withTiming(Duration.ofSeconds(1), Duration.ofSeconds(5))
 *     .withExecutors(64)
 *     .withAging(Duration.ofSeconds(30));
 * }</pre>
 *
 * @param nodeId this node's id, unique among the nodes sharing the database
 * @param host where it runs, for operators
 * @param heartbeat how often it heart-beats (and renews its leases and claims)
 * @param leaseTtl how long a lease or a claim lasts without a heartbeat: a node silent this long is
 *     taken for dead and its runs and steps are taken over
 * @param executors how many queued steps it runs at once (its capacity); 0 for a node that only
 *     decides
 * @param agingInterval how long a queued step waits before its effective priority rises one level
 *     (as in the engine's own scheduler), so that background steps are not starved by a stream of
 *     urgent ones
 */
public record ClusterOptions(
    String nodeId,
    String host,
    Duration heartbeat,
    Duration leaseTtl,
    int executors,
    Duration agingInterval) {

  /** Heart-beat every second. */
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(1);

  /** Taken for dead after 5 seconds of silence. */
  public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(5);

  /** 64 steps at once. */
  public static final int DEFAULT_EXECUTORS = 64;

  /** One level of priority more per 30 seconds queued, as the engine's scheduler. */
  public static final Duration DEFAULT_AGING = Duration.ofSeconds(30);

  public ClusterOptions {
    if (nodeId == null || nodeId.isBlank() || nodeId.length() > 200) {
      throw new IllegalArgumentException(
          "a node needs an id of 1 to 200 characters, was '" + nodeId + "'");
    }
    host = host == null || host.isBlank() ? "unknown" : host;
    if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
      throw new IllegalArgumentException("the heartbeat must be positive, was " + heartbeat);
    }
    if (leaseTtl == null || leaseTtl.compareTo(heartbeat.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException(
          "the lease TTL must be at least two heartbeats ("
              + heartbeat.multipliedBy(2)
              + ") so that one late heartbeat does not lose the node's runs, was "
              + leaseTtl);
    }
    if (executors < 0) {
      throw new IllegalArgumentException("executors must be >= 0, was " + executors);
    }
    if (agingInterval == null || agingInterval.toMillis() < 1) {
      throw new IllegalArgumentException(
          "the aging interval must be at least 1 ms, was " + agingInterval);
    }
  }

  /** A node named {@code nodeId}, with the default timing and capacity. */
  public static ClusterOptions named(String nodeId) {
    return new ClusterOptions(
        nodeId,
        localHost(),
        DEFAULT_HEARTBEAT,
        DEFAULT_LEASE_TTL,
        DEFAULT_EXECUTORS,
        DEFAULT_AGING);
  }

  /** The same node with another heartbeat and lease TTL. */
  public ClusterOptions withTiming(Duration heartbeat, Duration leaseTtl) {
    return new ClusterOptions(nodeId, host, heartbeat, leaseTtl, executors, agingInterval);
  }

  /** The same node with another number of executors. */
  public ClusterOptions withExecutors(int executors) {
    return new ClusterOptions(nodeId, host, heartbeat, leaseTtl, executors, agingInterval);
  }

  /** The same node with another aging interval for the shared step queue. */
  public ClusterOptions withAging(Duration agingInterval) {
    return new ClusterOptions(nodeId, host, heartbeat, leaseTtl, executors, agingInterval);
  }

  /**
   * This machine's host name ({@code unknown} when it has none): the default node id of a server.
   */
  public static String localHost() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "unknown";
    }
  }
}
