package io.baton.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.ServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Retries of event reactions over real HTTP, on the server's fake clock: a trigger whose workflow
 * is missing is tried again after a jittered, doubling delay and starts its run once the workflow
 * is back; one that keeps failing goes to the dead letters after its attempts; one whose inputs are
 * refused goes there at once.
 */
class EventRetryApiTest extends ServerTest {
  private static final String LATER =
      """
      id: %s
      steps:
        - id: note
          type: tool
          tool: echo
          input: {text: "${inputs.event.type}"}
      """;

  private void create(Api api, String id) {
    Api.Response r = api.postText("/api/v1/workflows", LATER.formatted(id), "application/yaml");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  /** A trigger on {@code type} whose workflow is gone: starting it fails with a 404. */
  private void orphanTrigger(Api api, String workflow, String type, int maxAttempts) {
    create(api, workflow);
    Map<String, Object> trigger =
        Map.of(
            "id",
            workflow + "-t",
            "workflowId",
            workflow,
            "type",
            type,
            "maxAttempts",
            maxAttempts);
    assertThat(api.post("/api/v1/events/triggers", trigger).status()).isEqualTo(201);
    assertThat(api.delete("/api/v1/workflows/" + workflow).status()).isEqualTo(204);
  }

  private static JsonNode pending(Api api) {
    return api.get("/api/v1/events/reactions").json();
  }

  private static long dueInMillis(JsonNode reaction, Instant now) {
    return Duration.between(now, Instant.parse(reaction.get("dueAt").asString())).toMillis();
  }

  @Test
  void aFailingTriggerIsTriedAgainAfterADoublingDelayAndStartsItsRunOnceItCan() {
    Api api = admin.in("retry-ok");
    orphanTrigger(api, "retry-later", "ping", 5);

    Api.Response published = api.post("/api/v1/events", Map.of("type", "ping"));
    assertThat(published.json().get("startedRuns")).isEmpty();
    JsonNode first = pending(api).get(0);
    assertThat(first.get("reaction").asString()).isEqualTo("trigger:retry-later-t");
    assertThat(first.get("attempts").asInt()).isEqualTo(1);
    assertThat(first.get("lastError").asString()).contains("retry-later");
    assertThat(dueInMillis(first, clock.now())).isBetween(500L, 1000L);

    Instant firstDue = Instant.parse(first.get("dueAt").asString());
    clock.advance(Duration.ofSeconds(1));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> pending(api).get(0).get("attempts").asInt() == 2);
    JsonNode second = pending(api).get(0);
    // The second attempt ran when the clock passed its due time, or by the end of the advance (the
    // outbox's thread reads the clock while it moves): a doubled delay, 1-2 s, from then.
    Instant secondDue = Instant.parse(second.get("dueAt").asString());
    assertThat(Duration.between(firstDue, secondDue).toMillis()).isGreaterThanOrEqualTo(1000L);
    assertThat(dueInMillis(second, clock.now())).isLessThanOrEqualTo(2000L);

    create(api, "retry-later");
    clock.advance(Duration.ofSeconds(2));
    assertThat(pending(api)).isEmpty();
    assertThat(api.get("/api/v1/executions?workflowId=retry-later").json().get("items")).hasSize(1);
    assertThat(api.get("/api/v1/events/dead-letters").json()).isEmpty();
  }

  @Test
  void aTriggerThatKeepsFailingGoesToTheDeadLettersAfterItsAttempts() {
    Api api = admin.in("retry-dead");
    orphanTrigger(api, "retry-gone", "pong", 3);

    api.post("/api/v1/events", Map.of("type", "pong"));
    clock.advance(Duration.ofSeconds(1));
    assertThat(pending(api).get(0).get("attempts").asInt()).isEqualTo(2);
    assertThat(api.get("/api/v1/events/dead-letters").json()).isEmpty();
    clock.advance(Duration.ofSeconds(2));

    assertThat(pending(api)).isEmpty();
    JsonNode letter = api.get("/api/v1/events/dead-letters").json().get(0);
    assertThat(letter.get("subscriber").asString()).isEqualTo("trigger:retry-gone-t");
    assertThat(letter.get("attempts").asInt()).isEqualTo(3);
    assertThat(letter.get("error").asString()).contains("retry-gone");
  }

  @Test
  void refusedInputsGoToTheDeadLettersAtOnceWithoutRetries() {
    Api api = admin.in("retry-bad");
    String strict =
        """
        id: retry-strict
        inputs: {type: object, required: [orderId], properties: {orderId: {type: string}}}
        steps:
          - {id: note, type: tool, tool: echo, input: {orderId: "${inputs.orderId}"}}
        """;
    assertThat(api.postText("/api/v1/workflows", strict, "application/yaml").status())
        .isEqualTo(201);
    Map<String, Object> trigger =
        Map.of("id", "strict-t", "workflowId", "retry-strict", "type", "order.placed");
    assertThat(api.post("/api/v1/events/triggers", trigger).status()).isEqualTo(201);

    api.post("/api/v1/events", Map.of("type", "order.placed"));
    assertThat(pending(api)).isEmpty();
    JsonNode letter = api.get("/api/v1/events/dead-letters").json().get(0);
    assertThat(letter.get("attempts").asInt()).isEqualTo(1);
    assertThat(letter.get("error").asString()).contains("orderId");
  }
}
