package io.baton.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.PostgresDatabase;
import io.baton.server.support.RunningServer;
import io.baton.test.FakeClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two full servers, nodes {@code node-a} and {@code node-b} of one cluster on one PostgreSQL
 * database, each with its own engine, event bus and outbox: every event, published to both nodes at
 * once, is stored once and starts exactly one run of the trigger's workflow, and every run
 * completes — while both nodes run the reactions together. The reaction lease is 0 s, so that a
 * reaction one node is running is free for the other at every moment (as when every lease has run
 * out), and each node's outbox takes up what is due over and over while the events are published.
 */
class TriggersOnTwoNodesTest {
  private static final String NS = "two-nodes";
  private static final int EVENTS = 16;
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final String FLOW =
      """
      id: ship
      steps:
        - {id: note, type: tool, tool: echo, input: {order: "${inputs.event.correlationId}"}}
      """;

  @TempDir Path data;

  private RunningServer node(PostgresDatabase db, String id) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("baton.data", data.resolve(id).toString());
    properties.put("baton.store.location", db.location());
    properties.put("baton.cluster.enabled", "true");
    properties.put("baton.cluster.node-id", id);
    properties.put("baton.events.reaction-lease", "0s");
    return RunningServer.start(properties);
  }

  @Test
  void anEventPublishedToBothNodesStartsOneRunThatCompletes() throws Exception {
    try (PostgresDatabase db = PostgresDatabase.create();
        RunningServer a = node(db, "node-a");
        RunningServer b = node(db, "node-b")) {
      Api apiA = a.admin().in(NS);
      Api apiB = b.admin().in(NS);
      assertThat(apiA.postText("/api/v1/workflows", FLOW, "application/yaml").status())
          .isEqualTo(201);
      Map<String, Object> trigger =
          Map.of("id", "ship-t", "workflowId", "ship", "type", "order.placed");
      assertThat(apiB.post("/api/v1/events/triggers", trigger).status()).isEqualTo(201);

      List<JsonNode> answers = publishToBothWhileBothReact(apiA, apiB, a, b);

      Map<String, Integer> stored = new HashMap<>();
      List<String> started = new ArrayList<>();
      for (JsonNode answer : answers) {
        String id = answer.get("event").get("id").asString();
        stored.merge(id, answer.get("duplicate").asBoolean() ? 0 : 1, Integer::sum);
        answer.get("startedRuns").forEach(r -> started.add(r.asString()));
      }
      assertThat(stored).hasSize(EVENTS).allSatisfy((id, times) -> assertThat(times).isOne());
      assertThat(new HashSet<>(started))
          .as("no run reported started twice")
          .hasSize(started.size());

      Map<String, String> runByEvent = firedRuns(db);
      assertThat(runByEvent).hasSize(EVENTS);
      assertThat(new HashSet<>(runByEvent.values())).hasSize(EVENTS);
      assertThat(runIds(db)).containsExactlyInAnyOrderElementsOf(runByEvent.values());
      assertThat(runByEvent.values()).containsAll(started);
      // a start that lost the race to the other node's start of the same run is not a failure
      assertThat(apiA.get("/api/v1/audit?action=execution.start-failed").json().get("items"))
          .isEmpty();
      int i = 0;
      for (String run : runByEvent.values()) {
        Api api = i++ % 2 == 0 ? apiA : apiB; // a node shows the other's runs too
        assertThat(api.awaitStatus(run, "COMPLETED").get("status").asString())
            .isEqualTo("COMPLETED");
      }
      // the runs' own events (run.completed, …) react on the node that publishes them, at once
      for (Api api : List.of(apiA, apiB)) {
        org.awaitility.Awaitility.await()
            .atMost(DEADLINE)
            .until(() -> api.get("/api/v1/events/reactions").json().isEmpty());
        assertThat(api.get("/api/v1/events/dead-letters").json()).isEmpty();
      }
    }
  }

  /**
   * Publishes each event to both nodes at the same moment, while each node's outbox runs what is
   * due in a loop → every publication's answer.
   */
  private static List<JsonNode> publishToBothWhileBothReact(
      Api apiA, Api apiB, RunningServer a, RunningServer b) throws Exception {
    AtomicBoolean publishing = new AtomicBoolean(true);
    try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
      List<Future<?>> sweeps = new ArrayList<>();
      for (RunningServer node : List.of(a, b)) {
        EventOutbox outbox = node.bean(EventOutbox.class);
        sweeps.add(
            pool.submit(
                () -> {
                  do {
                    outbox.runDue();
                  } while (publishing.get());
                  outbox.runDue();
                  return null;
                }));
      }
      List<Future<JsonNode>> publications = new ArrayList<>();
      for (int i = 0; i < EVENTS; i++) {
        Map<String, Object> event =
            Map.of("id", "e-" + i, "type", "order.placed", "correlationId", "o-" + i);
        CountDownLatch together = new CountDownLatch(2);
        for (Api api : List.of(apiA, apiB)) {
          publications.add(
              pool.submit(
                  () -> {
                    together.countDown();
                    together.await();
                    Api.Response r = api.post("/api/v1/events", event);
                    assertThat(r.status()).as(r.body()).isIn(200, 201);
                    return r.json();
                  }));
        }
      }
      List<JsonNode> answers = new ArrayList<>();
      for (Future<JsonNode> p : publications) {
        answers.add(p.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
      }
      publishing.set(false);
      for (Future<?> sweep : sweeps) {
        sweep.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      }
      // the starts that lost a race to the other node are tried again after the backoff (1 s at
      // most): each node's clock moves a second at a time, so that the nodes' heartbeats stay
      // within one second of each other and neither takes the other for dead
      for (int second = 0; second < 3; second++) {
        a.bean(FakeClock.class).advance(Duration.ofSeconds(1));
        b.bean(FakeClock.class).advance(Duration.ofSeconds(1));
      }
      return answers;
    }
  }

  private static Map<String, String> firedRuns(PostgresDatabase db) throws Exception {
    Map<String, String> out = new HashMap<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select event_id, run_id from srv_trigger_fire where namespace = '" + NS + "'")) {
      while (rs.next()) {
        assertThat(out.put(rs.getString(1), rs.getString(2))).as("one fire per event").isNull();
      }
    }
    return out;
  }

  private static List<String> runIds(PostgresDatabase db) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select run_id from srv_execution where namespace = '"
                    + NS
                    + "' and workflow_id = 'ship'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
