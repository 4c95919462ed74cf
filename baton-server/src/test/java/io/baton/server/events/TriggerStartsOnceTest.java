package io.baton.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.ServerTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * One event starts a trigger's workflow once, even when the outbox runs the trigger's reaction a
 * second time: after a crash that came between starting the run and recording it (the run started,
 * {@code srv_trigger_fire} not written, the reaction not marked done), or after a crash between
 * indexing the run and handing it to the engine, or by several nodes at once. The run's id, derived
 * from the namespace, the trigger and the event, is the start's idempotency key.
 */
class TriggerStartsOnceTest extends ServerTest {
  private static final String FLOW =
      """
      id: %s
      steps:
        - {id: note, type: tool, tool: echo, input: {order: "${inputs.event.correlationId}"}}
      """;

  @Autowired JdbcClient jdbc;
  @Autowired EventOutbox outbox;
  @Autowired EventBus bus;

  private static void setUp(Api api, String workflow) {
    Api.Response created =
        api.postText("/api/v1/workflows", FLOW.formatted(workflow), "application/yaml");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Map<String, Object> trigger =
        Map.of("id", workflow + "-t", "workflowId", workflow, "type", "order.placed");
    Api.Response made = api.post("/api/v1/events/triggers", trigger);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
  }

  @Test
  void aReactionRunAgainAfterACrashBetweenStartAndRecordStartsNoSecondRun() {
    String ns = "once-crash";
    Api api = admin.in(ns);
    setUp(api, "placed");
    JsonNode published =
        api.post("/api/v1/events", Map.of("id", "e-1", "type", "order.placed")).json();
    String first = published.get("startedRuns").get(0).asString();
    api.awaitStatus(first, "COMPLETED");

    crashedAfterTheStart(ns, "e-1", "trigger:placed-t");
    outbox.runDue();

    assertThat(runs(api, "placed")).containsExactly(first);
    assertThat(api.get("/api/v1/events/reactions").json()).isEmpty();
    assertThat(api.get("/api/v1/events/dead-letters").json()).isEmpty();
    assertThat(firedRun(ns, "placed-t", "e-1")).isEqualTo(first);
  }

  @Test
  void aRunIndexedButNeverHandedToTheEngineStartsOnRedeliveryUnderItsOwnId() {
    String ns = "once-indexed";
    Api api = admin.in(ns);
    setUp(api, "indexed");
    String runId = crashedBeforeTheEngine(api, ns, "indexed", "e-2");

    outbox.runDue();

    assertThat(api.awaitStatus(runId, "COMPLETED").get("status").asString()).isEqualTo("COMPLETED");
    assertThat(runs(api, "indexed")).containsExactly(runId);
    assertThat(firedRun(ns, "indexed-t", "e-2")).isEqualTo(runId);
  }

  @Test
  void aRunIndexedButNeverStartedWhoseStartKeepsFailingIsShownFailedWithTheError() {
    String ns = "once-gone";
    Api api = admin.in(ns);
    setUp(api, "gone");
    String runId = crashedBeforeTheEngine(api, ns, "gone", "e-4");
    // what the redelivered start meets: the workflow was deleted after the crash
    assertThat(api.delete("/api/v1/workflows/gone").status()).isEqualTo(204);

    outbox.runDue();
    assertThat(api.get("/api/v1/events/reactions").json()).hasSize(1);
    clock.advance(Duration.ofMinutes(10)); // the trigger's other two attempts, after the backoff

    JsonNode letters = api.get("/api/v1/events/dead-letters").json();
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).get("subscriber").asString()).isEqualTo("trigger:gone-t");
    assertThat(letters.get(0).get("attempts").asInt()).isEqualTo(3);
    shownFailed(api, runId, "gone");
    assertThat(letters.get(0).get("error").asString()).isNotBlank();
    assertThat(api.get("/api/v1/audit?resource_id=" + runId).json().get("items"))
        .extracting(e -> e.get("action").asString())
        .containsExactly("execution.start-failed");
  }

  @Test
  void aRunIndexedButNeverStartedWhoseTriggerWasDeletedIsShownFailed() {
    String ns = "once-untriggered";
    Api api = admin.in(ns);
    setUp(api, "untriggered");
    String runId = crashedBeforeTheEngine(api, ns, "untriggered", "e-5");
    assertThat(api.delete("/api/v1/events/triggers/untriggered-t").status()).isEqualTo(204);

    outbox.runDue();

    assertThat(api.get("/api/v1/events/reactions").json()).isEmpty();
    JsonNode run = shownFailed(api, runId, "untriggered");
    assertThat(run.get("error").get("message").asString())
        .contains("trigger untriggered-t was deleted");
  }

  /**
   * Run {@code runId} is listed and shown {@code FAILED}, never {@code PENDING}, saying that it
   * never started → its detail.
   */
  private static JsonNode shownFailed(Api api, String runId, String workflow) {
    assertThat(api.get("/api/v1/executions?workflowId=" + workflow).json().get("items"))
        .singleElement()
        .satisfies(r -> assertThat(r.get("status").asString()).isEqualTo("FAILED"));
    assertThat(api.get("/api/v1/executions?status=PENDING").json().get("items"))
        .noneMatch(r -> r.get("id").asString().equals(runId));
    JsonNode run = api.get("/api/v1/executions/" + runId).json();
    assertThat(run.get("status").asString()).isEqualTo("FAILED");
    assertThat(run.get("error").get("message").asString()).startsWith("the run never started: ");
    return run;
  }

  /**
   * What a crash between indexing the trigger's run for event {@code eventId} of namespace {@code
   * ns} and handing it to the engine leaves: the run indexed {@code PENDING}, no run in the engine,
   * the trigger's reaction still in the outbox → the run's id.
   */
  private String crashedBeforeTheEngine(Api api, String ns, String workflow, String eventId) {
    // the trigger is off while the event is published: nothing starts; the state the crash
    // leaves is written below
    jdbc.sql("update srv_event_trigger set enabled = false where namespace = :ns")
        .param("ns", ns)
        .update();
    api.post("/api/v1/events", Map.of("id", eventId, "type", "order.placed"));
    jdbc.sql("update srv_event_trigger set enabled = true where namespace = :ns")
        .param("ns", ns)
        .update();
    SystemEvent event = event(ns, eventId);
    EventTrigger trigger =
        new EventTrigger(workflow + "-t", ns, null, null, null, null, 3, true, false, null, null);
    String runId = TriggerFiring.runId(trigger, event);
    jdbc.sql(
            "insert into srv_execution (run_id, namespace, workflow_id, workflow_version,"
                + " status, created_by, created_at) values (:id, :ns, :wf, :v, 'PENDING',"
                + " :by, :at)")
        .param("id", runId)
        .param("ns", ns)
        .param("wf", workflow)
        .param("v", api.get("/api/v1/workflows/" + workflow).json().get("version").asString())
        .param("by", "trigger:" + trigger.id())
        .param("at", Timestamp.from(clock.now()))
        .update();
    pendingReaction(event, "trigger:" + trigger.id());
    return runId;
  }

  @Test
  void deliveriesOfOneEventRunningAtOnceStartOneRun() throws Exception {
    // as when two nodes run the reaction together: one took it after the other's lease ran out
    String ns = "once-race";
    Api api = admin.in(ns);
    setUp(api, "raced");
    jdbc.sql("update srv_event_trigger set enabled = false where namespace = :ns")
        .param("ns", ns)
        .update();
    api.post("/api/v1/events", Map.of("id", "e-3", "type", "order.placed"));
    jdbc.sql("update srv_event_trigger set enabled = true where namespace = :ns")
        .param("ns", ns)
        .update();
    SystemEvent event = bus.find(ns, "e-3").orElseThrow();
    int nodes = 6;
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<String>>> started = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(nodes)) {
      for (int i = 0; i < nodes; i++) {
        started.add(
            pool.submit(
                () -> {
                  go.await();
                  return outbox.replay(event, "trigger:raced-t").startedRuns();
                }));
      }
      go.countDown();
      List<String> all = new ArrayList<>();
      for (Future<List<String>> f : started) {
        all.addAll(f.get(30, TimeUnit.SECONDS));
      }
      assertThat(all).hasSize(1);
      api.awaitStatus(all.get(0), "COMPLETED");
      assertThat(runs(api, "raced")).containsExactlyElementsOf(all);
    }
  }

  /**
   * What a node leaves when it dies right after the trigger's run started: no {@code
   * srv_trigger_fire} row, the reaction still in the outbox (its lease passed).
   */
  private void crashedAfterTheStart(String ns, String eventId, String reaction) {
    jdbc.sql("delete from srv_trigger_fire where namespace = :ns and event_id = :e")
        .param("ns", ns)
        .param("e", eventId)
        .update();
    pendingReaction(event(ns, eventId), reaction);
  }

  private void pendingReaction(SystemEvent event, String reaction) {
    jdbc.sql(
            "insert into srv_event_reaction (namespace, event_seq, event_id, reaction, attempts,"
                + " due_at, claimed_until) values (:ns, :seq, :e, :r, 0, :at, null)")
        .param("ns", event.namespace())
        .param("seq", event.seq())
        .param("e", event.id())
        .param("r", reaction)
        .param("at", Timestamp.from(clock.now()))
        .update();
  }

  private SystemEvent event(String ns, String eventId) {
    long seq =
        jdbc.sql("select seq from srv_event where namespace = :ns and event_id = :e")
            .param("ns", ns)
            .param("e", eventId)
            .query(Long.class)
            .single();
    return new SystemEvent(seq, eventId, ns, "order.placed", null, null, null, null, null);
  }

  private String firedRun(String ns, String trigger, String eventId) {
    return jdbc.sql(
            "select run_id from srv_trigger_fire where namespace = :ns and trigger_id = :t"
                + " and event_id = :e")
        .param("ns", ns)
        .param("t", trigger)
        .param("e", eventId)
        .query(String.class)
        .single();
  }

  private static List<String> runs(Api api, String workflow) {
    return api.get("/api/v1/executions?workflowId=" + workflow)
        .json()
        .get("items")
        .valueStream()
        .map(r -> r.get("id").asString())
        .toList();
  }
}
