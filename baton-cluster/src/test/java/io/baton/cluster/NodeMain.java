package io.baton.cluster;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.PendingInput;
import io.baton.api.spi.Tool;
import io.baton.engine.Baton;
import io.baton.engine.runtime.StartRequest;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.store.jdbc.JdbcStoreOptions;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One node of {@link ThreeNodeFailoverTest}, in a process of its own so that the test can kill it:
 * joins the cluster, starts its share of the workload, and answers the questions of runs that other
 * nodes own (so that answers travel through the inbox).
 *
 * <p>Arguments: database URL (without user), node id, how many runs to start.
 */
public final class NodeMain {
  private NodeMain() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String nodeId = args[1];
    int runs = Integer.parseInt(args[2]);
    JdbcStoreBackend store =
        JdbcStoreBackend.open(
            url, JdbcStoreOptions.DEFAULTS.withCredentials("postgres", "").withPoolSize(20));
    ClusterNode node =
        ClusterNode.open(
            store.dataSource(),
            ClusterOptions.named(nodeId)
                .withTiming(Duration.ofMillis(500), Duration.ofSeconds(3))
                .withExecutors(16),
            new io.baton.engine.time.SystemTimeSource());
    DataSource ds = store.dataSource();
    Baton baton =
        Baton.builder()
            .stores(store)
            .cluster(node)
            .tool(
                Tool.of(
                    "effect",
                    "records a side effect",
                    Map.of(),
                    (a, ctx) -> effect(ds, nodeId, a, ctx.idempotencyKey())))
            .tool(
                Tool.of(
                    "block",
                    "runs until its run stops it",
                    Map.of(),
                    (a, ctx) -> block(ds, nodeId, ctx.idempotencyKey())))
            .build();
    WorkflowDefinition mix;
    try (var in = NodeMain.class.getResourceAsStream("/cluster/mix.yaml")) {
      mix =
          baton
              .loader()
              .parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "mix.yaml")
              .orThrow();
    }
    System.out.println("READY " + nodeId);
    for (int i = 0; i < runs; i++) {
      baton.start(
          mix,
          Map.of("items", java.util.List.of(1, 2, 3, 4)),
          StartRequest.of("run-" + nodeId + "-" + i, null));
      Thread.sleep(40);
    }
    System.out.println("STARTED " + runs);
    while (true) {
      answer(baton, node);
      Thread.sleep(150);
    }
  }

  /** Answers the questions of runs held by another node; and any question left for 3 s. */
  private static final Map<String, Long> FIRST_SEEN = new java.util.HashMap<>();

  private static void answer(Baton baton, ClusterNode node) {
    try {
      for (PendingInput asked : baton.pendingInputs(200)) {
        String owner = node.ownerOf(asked.runId()).orElse(null);
        boolean remote = owner != null && !owner.equals(node.nodeId());
        long seen = FIRST_SEEN.computeIfAbsent(asked.waitId(), k -> System.nanoTime());
        boolean old = System.nanoTime() - seen > 3_000_000_000L;
        if ((remote || old)
            && baton.submitInput(asked.waitId(), Map.of("ok", true), node.nodeId())) {
          System.out.println("ANSWER " + asked.runId() + (remote ? " remote " + owner : " local"));
        }
      }
    } catch (RuntimeException e) {
      System.out.println("ANSWER-FAILED " + e);
    }
  }

  private static void write(DataSource ds, String sql, String key, String nodeId)
      throws java.sql.SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      ps.setString(2, nodeId);
      ps.executeUpdate();
    }
  }

  /**
   * Runs for a minute unless interrupted (its run withdrew it): records that it started, and that
   * it was interrupted and whether its context said it was cancelled ({@link RemoteStopTest}).
   */
  private static Object block(DataSource ds, String nodeId, String key) throws Exception {
    write(ds, "INSERT INTO test_tool_call (idem_key, node_id) VALUES (?, ?)", key, nodeId);
    try {
      Thread.sleep(60_000);
      return "ran to its end";
    } catch (InterruptedException e) {
      write(ds, "INSERT INTO test_interrupted (idem_key, node_id) VALUES (?, ?)", key, nodeId);
      throw e;
    }
  }

  /**
   * The side effect: every call is logged; the effect itself happens once per idempotency key (a
   * step re-run after a take-over finds it done).
   */
  private static Object effect(DataSource ds, String nodeId, Map<String, Object> args, String key)
      throws Exception {
    write(ds, "INSERT INTO test_tool_call (idem_key, node_id) VALUES (?, ?)", key, nodeId);
    // no connection is held while the "work" goes on: the pool serves the engine meanwhile
    Thread.sleep(((Number) args.getOrDefault("ms", 100)).longValue());
    write(
        ds,
        "INSERT INTO test_side_effect (idem_key, node_id) VALUES (?, ?)"
            + " ON CONFLICT (idem_key) DO NOTHING",
        key,
        nodeId);
    return Map.of("key", key, "by", nodeId);
  }
}
