package io.baton.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.PostgresDatabase;
import io.baton.server.support.RunningServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event routing on PostgreSQL survives a restart: triggers, correlation rules (half a correlation
 * seen before the restart completes after it), dead letters and the event ids already published.
 */
class EventRoutingRestartTest {
  private static final String STRICT =
      """
      id: strict
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
      """;

  @TempDir Path data;

  @Test
  void triggersCorrelationsDeadLettersAndIdsSurviveARestart() {
    try (PostgresDatabase db = PostgresDatabase.create()) {
      Map<String, Object> properties =
          Map.of("baton.data", data.toString(), "baton.store.location", db.location());
      long letter;
      try (RunningServer first = RunningServer.start(properties)) {
        Api api = first.admin().in("pg-events");
        assertThat(api.postText("/api/v1/workflows", STRICT, "application/yaml").status())
            .isEqualTo(201);
        Map<String, Object> trigger =
            Map.of(
                "id", "t",
                "workflowId", "strict",
                "type", "order.*",
                "input", Map.of("orderId", "${event.correlationId}"));
        assertThat(api.post("/api/v1/events/triggers", trigger).status()).isEqualTo(201);
        Map<String, Object> rule =
            Map.of(
                "id", "r", "types", List.of("order.paid", "order.shipped"), "emit", "order.done");
        assertThat(api.post("/api/v1/events/correlations", rule).status()).isEqualTo(201);
        assertThat(
                api.post(
                        "/api/v1/events",
                        Map.of("id", "e-1", "type", "order.paid", "correlationId", "o-1"))
                    .json()
                    .get("startedRuns"))
            .hasSize(1);
        // no correlation id: orderId is null, not a string; refused at once → a dead letter
        api.post("/api/v1/events", Map.of("type", "order.lost"));
        letter = api.get("/api/v1/events/dead-letters").json().get(0).get("id").asLong();
      }

      try (RunningServer second = RunningServer.start(properties)) {
        Api api = second.admin().in("pg-events");
        Api.Response again =
            api.post(
                "/api/v1/events",
                Map.of("id", "e-1", "type", "order.paid", "correlationId", "o-1"));
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        Api.Response shipped =
            api.post("/api/v1/events", Map.of("type", "order.shipped", "correlationId", "o-1"));
        assertThat(shipped.json().get("startedRuns")).hasSize(1);
        assertThat(shipped.json().get("composites")).hasSize(1);
        assertThat(api.get("/api/v1/events?type=order.done").json()).hasSize(1);
        assertThat(api.get("/api/v1/events/dead-letters/" + letter).json().get("attempts").asInt())
            .isEqualTo(1);
        assertThat(api.delete("/api/v1/events/dead-letters/" + letter).status()).isEqualTo(204);
      }
    }
  }
}
