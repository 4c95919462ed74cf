package io.baton.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.server.support.Api;
import io.baton.server.support.ServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The event bus's routing over real HTTP: events of {@code event} steps reach the bus, wake waits
 * and start triggered workflows in their namespace only, once per event id; failing triggers leave
 * dead letters that are replayed and deleted; correlation rules emit composite events.
 */
class EventRoutingApiTest extends ServerTest {
  private static final String WAITER =
      """
      id: waiter
      steps:
        - id: paid
          type: wait
          event: {name: order.paid, correlationKey: "${inputs.orderId}"}
      outputs:
        paid: ${steps.paid.output}
      """;

  private static final String PAYER =
      """
      id: payer
      steps:
        - id: emit
          type: event
          event: order.paid
          correlationKey: ${inputs.orderId}
          data: {amount: "${inputs.amount}"}
      """;

  private static final String AUDIT =
      """
      id: %s
      inputs:
        type: object
        required: [orderId]
        properties:
          orderId: {type: string}
      steps:
        - id: note
          type: tool
          tool: echo
          input: {orderId: "${inputs.orderId}"}
      outputs:
        orderId: ${steps.note.output.orderId}
      """;

  private static void create(Api api, String yaml) {
    Api.Response r = api.postText("/api/v1/workflows", yaml, "application/yaml");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private static String execute(Api api, String workflow, Map<String, Object> inputs) {
    Api.Response r =
        api.post("/api/v1/workflows/" + workflow + "/execute", Map.of("inputs", inputs));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  private static JsonNode runsOf(Api api, String workflow) {
    return api.get("/api/v1/executions?workflowId=" + workflow).json().get("items");
  }

  private static void trigger(Api api, Map<String, Object> body) {
    Api.Response r = api.post("/api/v1/events/triggers", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @Test
  void anEventStepWakesWaitsAndStartsTriggersOfItsOwnNamespaceOnly() {
    Api a = admin.in("ev-a");
    Api b = admin.in("ev-b");
    create(a, WAITER);
    create(a, PAYER);
    create(a, AUDIT.formatted("audit"));
    create(b, WAITER.replace("id: waiter", "id: waiter-b"));
    trigger(
        a,
        Map.of(
            "id", "audit-big-orders",
            "workflowId", "audit",
            "type", "order.*",
            "filter", "event.data.amount > 100",
            "input", Map.of("orderId", "${event.correlationId}")));
    String waitingA = execute(a, "waiter", Map.of("orderId", "o-1"));
    String waitingB = execute(b, "waiter-b", Map.of("orderId", "o-1"));
    a.awaitStatus(waitingA, "WAITING");
    b.awaitStatus(waitingB, "WAITING");

    String payer = execute(a, "payer", Map.of("orderId", "o-1", "amount", 500));

    JsonNode woken = a.awaitStatus(waitingA, "COMPLETED");
    assertThat(woken.get("outputs").get("paid").get("amount").asInt()).isEqualTo(500);
    await().until(() -> runsOf(a, "audit").size() == 1);
    String audit = runsOf(a, "audit").get(0).get("id").asString();
    assertThat(a.awaitStatus(audit, "COMPLETED").get("outputs").get("orderId").asString())
        .isEqualTo("o-1");
    JsonNode published = a.get("/api/v1/events?type=order.paid").json();
    assertThat(published).hasSize(1);
    assertThat(published.get(0).get("id").asString()).isEqualTo(payer + "/emit/1");
    assertThat(published.get(0).get("source").asString()).isEqualTo("run:" + payer);
    assertThat(published.get(0).get("correlationId").asString()).isEqualTo("o-1");

    assertThat(b.get("/api/v1/executions/" + waitingB).json().get("status").asString())
        .isEqualTo("WAITING");
    assertThat(b.get("/api/v1/events?type=order.paid").json()).isEmpty();
    assertThat(b.get("/api/v1/events/triggers/audit-big-orders").status()).isEqualTo(404);
    assertThat(b.get("/api/v1/events/triggers").json()).isEmpty();
  }

  @Test
  void anEventIdStartsATriggerOnceAndTheFilterDecides() {
    Api api = admin.in("ev-once");
    create(api, AUDIT.formatted("audit-once"));
    trigger(
        api,
        Map.of(
            "id", "t",
            "workflowId", "audit-once",
            "type", "invoice.created",
            "filter", "event.data.amount > 100",
            "input", Map.of("orderId", "${event.data.orderId}")));
    Map<String, Object> event =
        Map.of(
            "id",
            "inv-1",
            "type",
            "invoice.created",
            "data",
            Map.of("orderId", "x", "amount", 900));

    Api.Response first = api.post("/api/v1/events", event);
    Api.Response again = api.post("/api/v1/events", event);
    Api.Response small =
        api.post(
            "/api/v1/events",
            Map.of("type", "invoice.created", "data", Map.of("orderId", "y", "amount", 5)));

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("startedRuns")).hasSize(1);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("duplicate").asBoolean()).isTrue();
    assertThat(again.json().get("startedRuns")).isEmpty();
    assertThat(again.json().get("event").get("seq").asLong())
        .isEqualTo(first.json().get("event").get("seq").asLong());
    assertThat(small.json().get("startedRuns")).isEmpty();
    assertThat(runsOf(api, "audit-once")).hasSize(1);
    assertThat(api.get("/api/v1/events?type=invoice.*").json()).hasSize(2);
  }

  @Test
  void aTriggerThatKeepsFailingLeavesADeadLetterToReplayOrDelete() {
    Api api = admin.in("ev-dead");
    create(api, AUDIT.formatted("strict"));
    trigger(api, Map.of("id", "strict-t", "workflowId", "strict", "type", "ping"));

    Api.Response published = api.post("/api/v1/events", Map.of("type", "ping", "data", Map.of()));
    assertThat(published.json().get("startedRuns")).isEmpty();
    JsonNode letters = api.get("/api/v1/events/dead-letters").json();
    assertThat(letters).hasSize(1);
    JsonNode letter = letters.get(0);
    assertThat(letter.get("subscriber").asString()).isEqualTo("trigger:strict-t");
    assertThat(letter.get("attempts").asInt()).as("refused inputs are not retried").isEqualTo(1);
    assertThat(letter.get("eventId").asString())
        .isEqualTo(published.json().get("event").get("id").asString());
    assertThat(letter.get("error").asString()).contains("orderId");
    String path = "/api/v1/events/dead-letters/" + letter.get("id").asLong();
    assertThat(admin.in("ev-elsewhere").get(path).status()).isEqualTo(404);

    JsonNode failed = api.post(path + "/replay", null).json();
    assertThat(failed.get("delivered").asBoolean()).isFalse();
    assertThat(failed.get("deadLetter").get("attempts").asInt()).isEqualTo(2);

    // the workflow no longer needs orderId: the replay starts it, and the letter is gone
    api.putText(
        "/api/v1/workflows/strict",
        AUDIT.formatted("strict").replace("required: [orderId]", "required: []"),
        "application/yaml");
    JsonNode replayed = api.post(path + "/replay", null).json();
    assertThat(replayed.get("delivered").asBoolean()).as(replayed.toString()).isTrue();
    assertThat(api.get("/api/v1/executions/" + replayed.get("executionId").asString()).status())
        .isEqualTo(200);
    assertThat(api.get(path).status()).isEqualTo(404);

    api.delete("/api/v1/events/triggers/strict-t");
    create(api, AUDIT.formatted("strict-2"));
    trigger(api, Map.of("id", "strict-2", "workflowId", "strict-2", "type", "pong"));
    api.post("/api/v1/events", Map.of("type", "pong"));
    long second = api.get("/api/v1/events/dead-letters").json().get(0).get("id").asLong();
    assertThat(api.delete("/api/v1/events/dead-letters/" + second).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/events/dead-letters").json()).isEmpty();
  }

  @Test
  void aCorrelationRuleEmitsACompositeEventThatWakesAWait() {
    Api api = admin.in("ev-corr");
    Api.Response rule =
        api.post(
            "/api/v1/events/correlations",
            Map.of(
                "id", "paid-and-shipped",
                "types", List.of("order.paid", "order.shipped"),
                "emit", "order.done",
                "within", "PT1H"));
    assertThat(rule.status()).as(rule.body()).isEqualTo(201);
    create(
        api, WAITER.replace("id: waiter", "id: done-waiter").replace("order.paid", "order.done"));
    String waiting = execute(api, "done-waiter", Map.of("orderId", "c-1"));
    api.awaitStatus(waiting, "WAITING");

    Map<String, Object> paid =
        Map.of("type", "order.paid", "correlationId", "c-1", "data", Map.of("amount", 3));
    assertThat(api.post("/api/v1/events", paid).json().get("composites")).isEmpty();
    api.post(
        "/api/v1/events",
        Map.of("type", "order.shipped", "correlationId", "c-2", "data", Map.of("by", "other")));
    Api.Response shipped =
        api.post(
            "/api/v1/events",
            Map.of("type", "order.shipped", "correlationId", "c-1", "data", Map.of("by", "post")));

    assertThat(shipped.json().get("composites")).hasSize(1);
    JsonNode done = api.get("/api/v1/events?type=order.done").json();
    assertThat(done).hasSize(1);
    assertThat(done.get(0).get("correlationId").asString()).isEqualTo("c-1");
    assertThat(
            done.get(0)
                .get("data")
                .get("events")
                .get("order.shipped")
                .get("data")
                .get("by")
                .asString())
        .isEqualTo("post");
    JsonNode woken = api.awaitStatus(waiting, "COMPLETED");
    assertThat(woken.get("outputs").get("paid").get("rule").asString())
        .isEqualTo("paid-and-shipped");

    // used up: another shipment alone completes nothing; a later payment after it does
    assertThat(
            api.post("/api/v1/events", Map.of("type", "order.shipped", "correlationId", "c-1"))
                .json()
                .get("composites"))
        .isEmpty();
    assertThat(api.post("/api/v1/events", paid).json().get("composites")).hasSize(1);
  }

  @Test
  void aWorkflowDeclaresItsTriggersInItsMetadata() {
    Api api = admin.in("ev-declared");
    String declaring =
        AUDIT.formatted("greeted")
            + """
            metadata:
              triggers:
                - {type: user.signed-up, input: {orderId: "${event.subject}"}}
            """;
    create(api, declaring);
    JsonNode declared = api.get("/api/v1/events/triggers").json();
    assertThat(declared).hasSize(1);
    assertThat(declared.get(0).get("id").asString()).isEqualTo("greeted-1");
    assertThat(declared.get(0).get("declared").asBoolean()).isTrue();

    Api.Response published =
        api.post("/api/v1/events", Map.of("type", "user.signed-up", "subject", "u-7"));
    String run = published.json().get("startedRuns").get(0).asString();
    assertThat(api.awaitStatus(run, "COMPLETED").get("outputs").get("orderId").asString())
        .isEqualTo("u-7");

    Api.Response bad =
        api.putText(
            "/api/v1/workflows/greeted",
            declaring.replace("type: user.signed-up", "type: x, filter: \"event.data >\""),
            "application/yaml");
    assertThat(pointer(bad)).isEqualTo("/metadata/triggers/0/filter");
    assertThat(api.get("/api/v1/events/triggers/greeted-1").json().get("type").asString())
        .isEqualTo("user.signed-up");
    api.putText("/api/v1/workflows/greeted", AUDIT.formatted("greeted"), "application/yaml");
    assertThat(api.get("/api/v1/events/triggers").json()).isEmpty();
  }

  @Test
  void badRoutingRequestsSayWhatIsWrongAndWhere() {
    Api api = admin.in("ev-bad");
    create(api, AUDIT.formatted("bad-flow"));
    assertThat(
            pointer(
                api.post("/api/v1/events/triggers", Map.of("workflowId", "bad-flow", "type", "x"))))
        .isEqualTo("/id");
    assertThat(
            api.post(
                    "/api/v1/events/triggers", Map.of("id", "t", "workflowId", "nope", "type", "x"))
                .status())
        .isEqualTo(404);
    assertThat(
            pointer(
                api.post(
                    "/api/v1/events/triggers",
                    Map.of(
                        "id",
                        "t",
                        "workflowId",
                        "bad-flow",
                        "type",
                        "x",
                        "filter",
                        "event.data >"))))
        .isEqualTo("/filter");
    assertThat(
            pointer(
                api.post(
                    "/api/v1/events/triggers",
                    Map.of(
                        "id",
                        "t",
                        "workflowId",
                        "bad-flow",
                        "type",
                        "x",
                        "input",
                        Map.of("a", "${nope.x}")))))
        .isEqualTo("/input");
    assertThat(
            pointer(
                api.post(
                    "/api/v1/events/correlations",
                    Map.of("id", "r", "types", List.of("a"), "emit", "b"))))
        .isEqualTo("/types");
    assertThat(
            pointer(
                api.post(
                    "/api/v1/events/correlations",
                    Map.of("id", "r", "types", List.of("a", "b"), "emit", "c", "within", "soon"))))
        .isEqualTo("/within");
    assertThat(api.get("/api/v1/events/triggers").json()).isEmpty();
  }

  private static String pointer(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    return r.json().get("errors").get(0).get("pointer").asString();
  }
}
