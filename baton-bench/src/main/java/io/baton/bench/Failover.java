package io.baton.bench;

import io.baton.engine.Baton;
import io.baton.store.jdbc.JdbcStoreBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * W9 recovery: a node (a process of its own, {@link FailoverNode}) holds 1,000 running runs, each
 * in the middle of a step; it is killed ({@code kill -9}); a second node, running here, takes them
 * over. {@code takeover_s}: from the kill until every unfinished run is held by the survivor (its
 * lease taken and the run rebuilt from its journal); {@code complete_s}: until all have completed;
 * {@code lost_steps}: steps missing from, or completed twice in, the journals (must be 0). On the
 * PostgreSQL at {@code BATON_BENCH_PG} (default 127.0.0.1:5432, user postgres), in a database of
 * its own per repetition; skipped when there is none.
 */
final class Failover implements Workload {
  static final String ID = "W9";
  private static final String SERVER =
      System.getenv().getOrDefault("BATON_BENCH_PG", "127.0.0.1:5432");
  private final int runs;
  private final int repetitions;

  Failover(int runs, int repetitions) {
    this.runs = runs;
    this.repetitions = repetitions;
  }

  static Failover standard() {
    return new Failover(1_000, 5);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "failover of a node holding " + runs + " running runs";
  }

  @Override
  public void run(Reporter reporter) throws Exception {
    try (Connection c = admin()) {
      c.isValid(1);
    } catch (SQLException e) {
      reporter.progress("W9 skipped: no PostgreSQL at %s (%s)", SERVER, e.getMessage());
      return;
    }
    List<Double> takeover = new ArrayList<>();
    List<Double> complete = new ArrayList<>();
    long lost = 0;
    for (int i = 0; i < repetitions; i++) {
      double[] figures = once(reporter);
      takeover.add(figures[0]);
      complete.add(figures[1]);
      lost = Math.max(lost, (long) figures[2]);
      reporter.progress(
          "W9 repetition %d: takeover %.2f s, complete %.2f s, lost %d",
          i + 1, figures[0], figures[1], (long) figures[2]);
    }
    Map<String, String> variant = Map.of("runs", String.valueOf(runs));
    reporter.result(new Result(ID, "postgres", "takeover_s", Stats.median(takeover), "s", variant));
    reporter.result(new Result(ID, "postgres", "complete_s", Stats.median(complete), "s", variant));
    reporter.result(
        new Result(
            ID, "postgres", "lost_steps", Stats.median(List.of((double) lost)), "steps", variant));
    if (lost != 0) {
      throw new WrongResultException(ID, "0 lost or repeated steps", lost);
    }
  }

  /** One repetition: {takeover seconds, completion seconds, lost steps}. */
  private double[] once(Reporter reporter) throws Exception {
    String db =
        "baton_bench_w9_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    sql(admin(), "CREATE DATABASE " + db);
    String url = "jdbc:postgresql://" + SERVER + "/" + db;
    Process victim = null;
    JdbcStoreBackend[] store = new JdbcStoreBackend[1];
    Baton survivor = null;
    try {
      Path log = Files.createTempFile("baton-w9-victim-", ".log");
      victim = startVictim(url, log);
      try (Connection c = DriverManager.getConnection(url + "?user=postgres")) {
        awaitAtLeast(
            c,
            "SELECT COUNT(*) FROM baton_cluster_task WHERE state = 'CLAIMED'",
            runs,
            120,
            victim,
            log);
        survivor = FailoverNode.open(url, "survivor", runs, 0, store);
        victim.destroyForcibly().waitFor();
        long t0 = System.nanoTime();
        awaitAtLeast(
            c,
            "SELECT "
                + runs
                + " - COUNT(*) FROM baton_run r WHERE NOT r.ended AND NOT EXISTS"
                + " (SELECT 1 FROM baton_cluster_lease l WHERE l.run_id = r.run_id"
                + " AND l.node_id = 'survivor')",
            runs,
            60,
            null,
            log);
        double takeover = (System.nanoTime() - t0) / 1e9;
        awaitAtLeast(
            c, "SELECT COUNT(*) FROM baton_run WHERE status = 'COMPLETED'", runs, 60, null, log);
        double complete = (System.nanoTime() - t0) / 1e9;
        long distinct =
            count(
                c,
                "SELECT COUNT(DISTINCT (run_id, payload->>'path')) FROM baton_journal WHERE event_type = 'StepCompleted'");
        long all =
            count(c, "SELECT COUNT(*) FROM baton_journal WHERE event_type = 'StepCompleted'");
        long lost = (2L * runs - distinct) + (all - distinct);
        return new double[] {takeover, complete, lost};
      }
    } finally {
      if (victim != null) {
        victim.destroyForcibly();
      }
      if (survivor != null) {
        survivor.close();
      }
      if (store[0] != null) {
        store[0].close();
      }
      sql(admin(), "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }
  }

  private Process startVictim(String url, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            FailoverNode.class.getName(),
            url,
            String.valueOf(runs))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void awaitAtLeast(
      Connection c, String query, long target, int seconds, Process alive, Path log)
      throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long seen;
    while ((seen = countOrZero(c, query)) < target) {
      if (System.nanoTime() > deadline || (alive != null && !alive.isAlive())) {
        throw new WrongResultException(
            ID, query + " to reach " + target + " (victim log " + log + ")", seen);
      }
      Thread.sleep(20);
    }
  }

  /** The count, or 0 while the victim has not created the tables yet. */
  private static long countOrZero(Connection c, String query) throws SQLException {
    try {
      return count(c, query);
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return 0;
      }
      throw e;
    }
  }

  private static long count(Connection c, String query) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres?user=postgres");
  }

  private static void sql(Connection c, String statement) throws SQLException {
    try (c;
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
