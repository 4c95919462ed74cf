package io.baton.bench;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.spi.Tool;
import io.baton.cluster.ClusterNode;
import io.baton.cluster.ClusterOptions;
import io.baton.engine.Baton;
import io.baton.engine.config.EngineConfig;
import io.baton.engine.runtime.StartRequest;
import io.baton.engine.time.SystemTimeSource;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.store.jdbc.JdbcStoreOptions;
import java.time.Duration;
import java.util.Map;

/**
 * A node of W9 ({@link Failover}): joins the cluster on a PostgreSQL database and, as the victim,
 * starts the runs that it holds when it is killed. Its {@code hold} step holds for {@code holdMs}
 * (long on the victim, so every run is mid-step when it dies; nothing on the survivor).
 */
final class FailoverNode {
  static final Duration HEARTBEAT = Duration.ofSeconds(1);
  static final Duration LEASE_TTL = Duration.ofSeconds(5);
  static final String FLOW =
      """
      id: w9-hold
      version: 1.0.0
      steps:
        - id: hold
          type: tool
          tool: hold
        - id: done
          type: tool
          tool: hold
          dependsOn: [hold]
      """;

  private FailoverNode() {}

  /** Opens a node: its store, its cluster membership, and an engine. */
  static Baton open(String url, String nodeId, int executors, long holdMs, JdbcStoreBackend[] out) {
    JdbcStoreBackend store =
        JdbcStoreBackend.open(
            url, JdbcStoreOptions.DEFAULTS.withCredentials("postgres", "").withPoolSize(16));
    out[0] = store;
    ClusterNode node =
        ClusterNode.open(
            store.dataSource(),
            ClusterOptions.named(nodeId).withTiming(HEARTBEAT, LEASE_TTL).withExecutors(executors),
            new SystemTimeSource());
    return Baton.builder()
        // max_concurrent_tasks caps the steps a node's runs have in flight across the cluster
        .config(EngineConfig.DEFAULTS.withMaxConcurrentTasks(Math.max(256, executors)))
        .stores(store)
        .cluster(node)
        .tool(
            Tool.of(
                "hold",
                "holds its step",
                Map.of(),
                (args, ctx) -> {
                  Thread.sleep(holdMs);
                  return ctx.idempotencyKey();
                }))
        .build();
  }

  static WorkflowDefinition flow(Baton baton) {
    return baton.loader().parse(FLOW, "w9-hold.yaml").orThrow();
  }

  /** The victim: arguments URL, run count. Starts the runs, then holds them until killed. */
  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[1]);
    Baton baton = open(args[0], "victim", runs, Long.MAX_VALUE / 4, new JdbcStoreBackend[1]);
    WorkflowDefinition flow = flow(baton);
    for (int i = 0; i < runs; i++) {
      baton.start(flow, Map.of(), StartRequest.of("w9-" + i, null));
    }
    System.out.println("STARTED " + runs);
    Thread.currentThread().join(); // held until killed
  }
}
