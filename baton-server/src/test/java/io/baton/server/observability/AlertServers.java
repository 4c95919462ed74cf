package io.baton.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.RunningServer;
import io.baton.test.FakeClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Servers for the tests of the alert channels: one rule that is always breached (some heap is
 * used), raised on demand, and the channels' counters.
 */
final class AlertServers {
  private AlertServers() {}

  /** A server on {@code data} whose one rule is always breached, with {@code channels}. */
  static RunningServer start(Path data, Map<String, Object> channels) {
    Map<String, Object> properties = new HashMap<>(channels);
    properties.put("baton.data", data.toString());
    properties.put("baton.events.retry.seed", "7");
    properties.put("baton.alerts.rules[0].id", "heap-used");
    properties.put("baton.alerts.rules[0].severity", "P3");
    properties.put("baton.alerts.rules[0].measure", "MEMORY_USAGE");
    properties.put("baton.alerts.rules[0].condition", "ABOVE");
    properties.put("baton.alerts.rules[0].threshold", "0");
    properties.put("baton.alerts.rules[0].sustained", "0s");
    properties.put("baton.alerts.rules[0].description", "some heap is used");
    return RunningServer.start(properties);
  }

  /** Raises the rule's alert → its id. */
  static String raise(RunningServer server) {
    server.bean(AlertEngine.class).evaluate();
    JsonNode active = server.admin().get("/api/v1/alerts?status=active").json().get("alerts");
    assertThat(active).hasSize(1);
    return active.get(0).get("alertId").asString();
  }

  /** A client of the namespace the alert events, their reactions and dead letters are in. */
  static Api operator(RunningServer server) {
    return server.admin().in(AlertEngine.NAMESPACE);
  }

  /** The count of counter {@code metric}, all tags together. */
  static double count(RunningServer server, String metric) {
    return server.bean(MeterRegistry.class).find(metric).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  /**
   * Lets a delivery of the alert's event fail three times on {@code server}'s clock (retry seed 7:
   * the second attempt within 1 s, the third within 2 s more) → the dead letter it became, of a
   * reaction named {@code reaction}… .
   */
  static JsonNode deadLetterAfterThreeAttempts(RunningServer server, String reaction) {
    FakeClock clock = server.bean(FakeClock.class);
    Api api = operator(server);
    clock.advance(Duration.ofMillis(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(api.get("/api/v1/events/dead-letters").json()).isEmpty();
    clock.advance(Duration.ofSeconds(2));

    assertThat(api.get("/api/v1/events/reactions").json()).isEmpty();
    JsonNode letters = api.get("/api/v1/events/dead-letters").json();
    assertThat(letters).hasSize(1);
    JsonNode letter = letters.get(0);
    assertThat(letter.get("subscriber").asString()).startsWith(reaction);
    assertThat(letter.get("eventType").asString()).isEqualTo("alert.raised");
    assertThat(letter.get("attempts").asInt()).isEqualTo(3);
    return letter;
  }

  /** Replays dead letter {@code letter}, which must deliver, and leaves no dead letter. */
  static void replay(RunningServer server, JsonNode letter) {
    Api api = operator(server);
    JsonNode replayed =
        api.post("/api/v1/events/dead-letters/" + letter.get("id").asLong() + "/replay", null)
            .json();
    assertThat(replayed.get("delivered").asBoolean()).as(replayed.toString()).isTrue();
    assertThat(api.get("/api/v1/events/dead-letters").json()).isEmpty();
  }

  /**
   * Lets the first attempt of the alert's delivery run (and fail) on {@code server}'s clock → the
   * one reaction then pending.
   */
  static JsonNode pendingAfterAFailedAttempt(RunningServer server) {
    server.bean(FakeClock.class).advance(Duration.ofMillis(1));
    JsonNode pending = operator(server).get("/api/v1/events/reactions").json();
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).get("attempts").asInt()).isEqualTo(1);
    return pending.get(0);
  }
}
