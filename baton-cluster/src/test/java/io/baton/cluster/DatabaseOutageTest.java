package io.baton.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.spi.Tool;
import io.baton.engine.Baton;
import io.baton.engine.runtime.StartRequest;
import io.baton.engine.time.SystemTimeSource;
import io.baton.store.jdbc.JdbcStoreBackend;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PostgreSQL goes away for a few seconds under two busy nodes: every connection is cut ({@code
 * pg_terminate_backend}) and new ones are refused ({@code ALLOW_CONNECTIONS false}), then it comes
 * back. The runs stall meanwhile and go on after: all complete, no step completes twice, and no
 * handler runs twice (the outage is shorter than the lease TTL, so no claim lapses).
 */
@Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS)
class DatabaseOutageTest {
  private static final int RUNS = 20;
  private static final Duration OUTAGE = Duration.ofSeconds(3);
  private static final String FLOW =
      """
      id: outage
      version: 1.0.0
      steps:
        - {id: one, type: tool, tool: work}
        - {id: two, type: tool, tool: work, dependsOn: [one]}
        - {id: three, type: tool, tool: work, dependsOn: [two]}
      """;

  private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();
  private ClusterDatabase db;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void nodes() {
    db = ClusterDatabase.create();
  }

  @AfterEach
  void close() throws Exception {
    admin("ALTER DATABASE " + db.name + " ALLOW_CONNECTIONS true");
    ClusterDatabase.closeAll(open.reversed());
    db.close();
  }

  private Baton node(String id) {
    JdbcStoreBackend store = db.openStore();
    open.add(store);
    SystemTimeSource clock = new SystemTimeSource();
    ClusterNode node =
        ClusterNode.open(
            store.dataSource(),
            ClusterOptions.named(id)
                .withTiming(Duration.ofMillis(500), Duration.ofSeconds(10))
                .withExecutors(4),
            clock);
    Baton baton =
        Baton.builder()
            .stores(store)
            .clock(clock)
            .cluster(node)
            .tool(Tool.of("work", "works for a while", Map.of(), (args, ctx) -> work(ctx)))
            .build();
    open.add(baton);
    return baton;
  }

  private Object work(io.baton.api.spi.StepContext ctx) throws InterruptedException {
    invocations.computeIfAbsent(ctx.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
    Thread.sleep(150);
    return ctx.idempotencyKey();
  }

  @Test
  void runsStallWhileTheDatabaseIsAwayAndFinishWithoutLossOrRepeats() throws Exception {
    Baton a = node("a");
    node("b");
    WorkflowDefinition flow = a.loader().parse(FLOW, "outage.yaml").orThrow();
    for (int i = 0; i < RUNS; i++) {
      a.start(flow, Map.of(), StartRequest.of("run-" + i, null));
    }
    awaitAtLeast(() -> invocations.size(), RUNS / 2, Duration.ofSeconds(30));

    admin("ALTER DATABASE " + db.name + " ALLOW_CONNECTIONS false");
    long back = System.nanoTime() + OUTAGE.toNanos();
    while (System.nanoTime() < back) { // the outage itself: cut whatever reconnects meanwhile
      admin(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
              + db.name
              + "'");
      Thread.sleep(100);
    }
    admin("ALTER DATABASE " + db.name + " ALLOW_CONNECTIONS true");

    try {
      awaitAtLeast(
          () -> number("SELECT COUNT(*) FROM baton_run WHERE status = 'COMPLETED'"),
          RUNS,
          Duration.ofSeconds(60));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; not completed: " + unfinished(), e);
    }
    assertThat(number("SELECT COUNT(*) FROM baton_run")).isEqualTo(RUNS);
    assertThat(
            number(
                "SELECT COUNT(*) FROM (SELECT 1 FROM baton_journal WHERE event_type ="
                    + " 'StepCompleted' GROUP BY run_id, payload->>'path' HAVING COUNT(*) > 1) t"))
        .as("steps completed twice")
        .isZero();
    assertThat(number("SELECT COUNT(*) FROM baton_journal WHERE event_type = 'StepCompleted'"))
        .isEqualTo(3L * RUNS);
    assertThat(invocations).hasSize(3 * RUNS);
    assertThat(invocations.values()).allMatch(n -> n.get() == 1, "each handler ran once");
  }

  private interface Count {
    long get() throws Exception;
  }

  private static void awaitAtLeast(Count count, long atLeast, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    long seen;
    while ((seen = safely(count)) < atLeast) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("reached " + seen + " of " + atLeast + " within " + within);
      }
      Thread.sleep(50);
    }
  }

  private static long safely(Count count) throws Exception {
    try {
      return count.get();
    } catch (java.sql.SQLException e) {
      return -1; // the database is still coming back
    }
  }

  private long number(String query) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Each run not completed: its status, last journal event, lease holder and queued steps. */
  private String unfinished() throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT r.run_id, r.status,"
                    + " (SELECT event_type || ' ' || COALESCE(payload->>'path', '')"
                    + " FROM baton_journal j WHERE j.run_id = r.run_id ORDER BY seq DESC LIMIT 1),"
                    + " (SELECT node_id FROM baton_cluster_lease l WHERE l.run_id = r.run_id),"
                    + " (SELECT string_agg(path || '/' || attempt || ':' || state || '@'"
                    + " || COALESCE(node_id, '-'), ', ') FROM baton_cluster_task t"
                    + " WHERE t.run_id = r.run_id)"
                    + " FROM baton_run r WHERE r.status <> 'COMPLETED'")) {
      while (rs.next()) {
        out.append(
            String.format(
                "%n  %s %s, last %s, lease %s, tasks [%s]",
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)));
      }
    }
    return out.toString();
  }

  private void admin(String sql) throws Exception {
    try (Connection c =
            java.sql.DriverManager.getConnection(
                "jdbc:postgresql://" + ClusterDatabase.SERVER + "/postgres?user=postgres");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
