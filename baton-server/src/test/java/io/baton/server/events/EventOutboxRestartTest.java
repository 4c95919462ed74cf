package io.baton.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.PostgresDatabase;
import io.baton.server.support.RunningServer;
import io.baton.test.FakeClock;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The event outbox across a restart, on H2 and on PostgreSQL: the reactions of an event whose
 * publisher died right after storing it (event and reactions committed, nothing run) run after the
 * next start once the dead publisher's lease has passed; a reaction waiting for its retry when the
 * server stops runs after the start too.
 */
class EventOutboxRestartTest {
  private static final String NS = "outbox";
  private static final String FLOW =
      """
      id: placed
      steps:
        - {id: note, type: tool, tool: echo, input: {order: "${inputs.event.correlationId}"}}
      """;
  private static final String WAITER =
      """
      id: waiter
      steps:
        - id: paid
          type: wait
          event: {name: order.placed, correlationKey: o-9}
      """;

  @TempDir Path data;

  @Test
  void reactionsLeftByACrashRunAfterTheRestartOnH2() {
    survivesARestart(Map.of("baton.data", data.toString()));
  }

  @Test
  void reactionsLeftByACrashRunAfterTheRestartOnPostgres() {
    try (PostgresDatabase db = PostgresDatabase.create()) {
      survivesARestart(
          Map.of("baton.data", data.toString(), "baton.store.location", db.location()));
    }
  }

  private void survivesARestart(Map<String, Object> base) {
    Map<String, Object> properties = new HashMap<>(base);
    properties.put("baton.events.retry.seed", "11");
    String waiting;
    try (RunningServer first = RunningServer.start(properties)) {
      Api api = first.admin().in(NS);
      create(api, FLOW);
      create(api, WAITER);
      waiting = api.post("/api/v1/workflows/waiter/execute", Map.of()).json().get("id").asString();
      api.awaitStatus(waiting, "WAITING");
      trigger(api, "placed-t", "placed", "order.placed");
      create(api, FLOW.replace("id: placed", "id: retried"));
      trigger(api, "retry-t", "retried", "order.retried");
      assertThat(api.delete("/api/v1/workflows/retried").status()).isEqualTo(204);

      // a retry is pending when the server stops
      api.post("/api/v1/events", Map.of("type", "order.retried"));
      assertThat(reactions(api)).containsExactly("trigger:retry-t");
      storedByAPublisherThatDied(
          first, "crashed-1", "other-node/its-process", "waits", "trigger:placed-t");
      assertThat(reactions(api)).contains("waits", "trigger:placed-t");
    }

    try (RunningServer second = RunningServer.start(properties)) {
      Api api = second.admin().in(NS);
      FakeClock clock = second.bean(FakeClock.class);
      create(api, FLOW.replace("id: placed", "id: retried"));
      clock.advance(Duration.ofSeconds(61));
      // A reaction may meet its run still being recovered: it is retried after the backoff. The
      // reactions run on the server's threads, so the test waits for them in real time while it
      // moves the fake clock past each backoff.
      try {
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .until(
                () -> {
                  clock.advance(Duration.ofSeconds(2));
                  return reactions(api).isEmpty();
                });
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        // the assertion below says what is left
      }

      assertThat(reactions(api)).as("%s", api.get("/api/v1/events/reactions").body()).isEmpty();
      assertThat(runs(api, "placed")).hasSize(1);
      assertThat(runs(api, "retried")).hasSize(1);
      assertThat(api.awaitStatus(waiting, "COMPLETED").get("status").asString())
          .isEqualTo("COMPLETED");
      assertThat(api.get("/api/v1/events/dead-letters").json()).isEmpty();
    }
  }

  /**
   * What a publisher leaves when it dies right after its commit: the event and its reactions,
   * claimed by it for the lease, none run — written here as {@code EventBus} writes them.
   */
  private static void storedByAPublisherThatDied(
      RunningServer server, String eventId, String claimedBy, String... reactions) {
    JdbcClient jdbc = server.bean(JdbcClient.class);
    Instant now = server.bean(FakeClock.class).now();
    jdbc.sql(
            "insert into srv_event (event_id, namespace, type, source, subject, correlation_id,"
                + " at, data_json) values (:eid, :ns, 'order.placed', 'api:test', null,"
                + " 'o-9', :at, '{\"paid\":true}')")
        .param("eid", eventId)
        .param("ns", NS)
        .param("at", Timestamp.from(now))
        .update();
    long seq =
        jdbc.sql("select seq from srv_event where namespace = :ns and event_id = :eid")
            .param("ns", NS)
            .param("eid", eventId)
            .query(Long.class)
            .single();
    for (String reaction : reactions) {
      jdbc.sql(
              "insert into srv_event_reaction (namespace, event_seq, event_id, reaction, attempts,"
                  + " due_at, claimed_until, claimed_by)"
                  + " values (:ns, :seq, :eid, :r, 0, :at, :lease, :by)")
          .param("ns", NS)
          .param("seq", seq)
          .param("eid", eventId)
          .param("r", reaction)
          .param("at", Timestamp.from(now))
          .param("lease", Timestamp.from(now.plus(Duration.ofSeconds(60))))
          .param("by", claimedBy)
          .update();
    }
  }

  /**
   * A server alone that crashed restarts: what its earlier process had claimed runs at once, not
   * after that process's 60 s lease; a claim of another node still waits for its lease.
   */
  @Test
  void aServerAloneTakesBackAtOnceWhatItsCrashedProcessHadClaimed() {
    Map<String, Object> properties = Map.of("baton.data", data.toString());
    try (RunningServer first = RunningServer.start(properties)) {
      Api api = first.admin().in(NS);
      create(api, FLOW);
      trigger(api, "placed-t", "placed", "order.placed");
      storedByAPublisherThatDied(first, "mine-1", "local/earlier-process", "trigger:placed-t");
      storedByAPublisherThatDied(first, "theirs-1", "node-b/its-process", "trigger:placed-t");
    }

    try (RunningServer second = RunningServer.start(properties)) {
      Api api = second.admin().in(NS);
      FakeClock clock = second.bean(FakeClock.class);
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> runs(api, "placed").size() == 1);
      assertThat(pendingEvents(api)).containsExactly("theirs-1");

      clock.advance(Duration.ofSeconds(61));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> runs(api, "placed").size() == 2);
      assertThat(pendingEvents(api)).isEmpty();
    }
  }

  private static List<String> pendingEvents(Api api) {
    return api.get("/api/v1/events/reactions")
        .json()
        .valueStream()
        .map(r -> r.get("eventId").asString())
        .toList();
  }

  private static void create(Api api, String yaml) {
    Api.Response r = api.postText("/api/v1/workflows", yaml, "application/yaml");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private static void trigger(Api api, String id, String workflow, String type) {
    Map<String, Object> body = Map.of("id", id, "workflowId", workflow, "type", type);
    Api.Response r = api.post("/api/v1/events/triggers", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private static List<String> reactions(Api api) {
    return api.get("/api/v1/events/reactions")
        .json()
        .valueStream()
        .map(r -> r.get("reaction").asString())
        .toList();
  }

  private static JsonNode runs(Api api, String workflow) {
    return api.get("/api/v1/executions?workflowId=" + workflow).json().get("items");
  }
}
