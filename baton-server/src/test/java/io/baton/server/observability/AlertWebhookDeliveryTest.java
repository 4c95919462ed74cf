package io.baton.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.baton.server.support.Api;
import io.baton.server.support.PostgresDatabase;
import io.baton.server.support.RunningServer;
import io.baton.test.FakeClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Alert webhooks over real HTTP (a receiver on loopback) on the server's fake clock: a delivery
 * that fails is tried again after the outbox's backoff and reaches the webhook once; one that keeps
 * failing becomes a dead letter of the {@code default} namespace that a replay delivers; one
 * pending when the server stops is delivered after the next start (on H2 and on PostgreSQL). A
 * webhook is never named by its URL, whose path may be a secret.
 */
class AlertWebhookDeliveryTest {
  private static final String SECRET = "T0KEN-in-the-path";

  @TempDir Path data;

  /** A webhook on loopback: answers from {@code script} first, then {@code status}. */
  private static final class Webhook implements AutoCloseable {
    final HttpServer server;
    final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    final AtomicInteger status = new AtomicInteger(204);
    final AtomicInteger requests = new AtomicInteger();
    final List<String> taken = new CopyOnWriteArrayList<>();
    final List<String> eventIds = new CopyOnWriteArrayList<>();

    Webhook(Integer... answers) throws IOException {
      script.addAll(List.of(answers));
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hooks/" + SECRET,
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            eventIds.add(exchange.getRequestHeaders().getFirst("X-Baton-Event-Id"));
            Integer scripted = script.poll();
            int answer = scripted != null ? scripted : status.get();
            if (answer < 300) {
              taken.add(body);
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + SECRET;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /** A server whose one rule is always breached and one webhook. */
  private RunningServer start(Webhook hook) {
    return start(hook, Map.of());
  }

  private RunningServer start(Webhook hook, Map<String, Object> more) {
    Map<String, Object> properties = new HashMap<>(more);
    properties.put("baton.alerts.webhooks[0]", hook.url());
    properties.put("baton.alerts.webhook-attempts", "3");
    return AlertServers.start(data, properties);
  }

  private static double failures(RunningServer server) {
    return AlertServers.count(server, "baton.alerts.webhook.failures");
  }

  @Test
  void aWebhookThatFailsTwiceThenTakesTheAlertGetsItOnce() throws Exception {
    try (Webhook hook = new Webhook(503, 503);
        RunningServer server = start(hook)) {
      FakeClock clock = server.bean(FakeClock.class);
      Api api = AlertServers.operator(server);
      String alertId = AlertServers.raise(server);

      JsonNode pending = AlertServers.pendingAfterAFailedAttempt(server);
      assertThat(pending.get("reaction").asString()).startsWith("alert-webhook:127.0.0.1#");
      assertThat(pending.get("lastError").asString()).contains("503").doesNotContain(SECRET);
      clock.advance(Duration.ofSeconds(1));
      assertThat(hook.requests.get()).isEqualTo(2);
      clock.advance(Duration.ofSeconds(2));

      assertThat(hook.requests.get()).isEqualTo(3);
      assertThat(hook.taken).hasSize(1);
      JsonNode body = Api.JSON.readTree(hook.taken.get(0));
      assertThat(body.get("event").asString()).isEqualTo("alert.raised");
      assertThat(body.get("alert").get("alertId").asString()).isEqualTo(alertId);
      assertThat(body.get("alert").get("ruleId").asString()).isEqualTo("heap-used");
      assertThat(hook.eventIds).hasSize(3).doesNotContainNull().containsOnly(hook.eventIds.get(0));
      assertThat(api.get("/api/v1/events/reactions").json()).isEmpty();
      assertThat(api.get("/api/v1/events/dead-letters").json()).isEmpty();
      assertThat(failures(server)).isEqualTo(2.0);

      clock.advance(Duration.ofMinutes(10));
      assertThat(hook.taken).hasSize(1);
    }
  }

  @Test
  void aWebhookThatAlwaysFailsEndsInADeadLetterThatAReplayDelivers() throws Exception {
    try (Webhook hook = new Webhook();
        RunningServer server = start(hook)) {
      hook.status.set(500);
      String alertId = AlertServers.raise(server);

      JsonNode letter =
          AlertServers.deadLetterAfterThreeAttempts(server, "alert-webhook:127.0.0.1#");
      assertThat(hook.requests.get()).isEqualTo(3);
      assertThat(letter.get("error").asString()).contains("500").doesNotContain(SECRET);
      assertThat(failures(server)).isEqualTo(3.0);
      assertThat(hook.taken).isEmpty();

      hook.status.set(204);
      AlertServers.replay(server, letter);
      assertThat(hook.taken).hasSize(1);
      assertThat(Api.JSON.readTree(hook.taken.get(0)).get("alert").get("alertId").asString())
          .isEqualTo(alertId);
    }
  }

  @Test
  void aDeliveryPendingWhenTheServerStopsIsDeliveredOnceAfterTheNextStart() throws Exception {
    survivesARestart(Map.of());
  }

  @Test
  void aDeliveryPendingWhenTheServerStopsIsDeliveredOnceAfterTheNextStartOnPostgres()
      throws Exception {
    try (PostgresDatabase db = PostgresDatabase.create()) {
      survivesARestart(Map.of("baton.store.location", db.location()));
    }
  }

  private void survivesARestart(Map<String, Object> store) throws Exception {
    try (Webhook hook = new Webhook(503)) {
      String alertId;
      try (RunningServer first = start(hook, store)) {
        alertId = AlertServers.raise(first);
        AlertServers.pendingAfterAFailedAttempt(first);
      }
      assertThat(hook.requests.get()).isEqualTo(1);
      assertThat(hook.taken).isEmpty();

      try (RunningServer second = start(hook, store)) {
        FakeClock clock = second.bean(FakeClock.class);
        clock.advance(Duration.ofSeconds(2));
        assertThat(hook.taken).hasSize(1);
        JsonNode body = Api.JSON.readTree(hook.taken.get(0));
        assertThat(body.get("event").asString()).isEqualTo("alert.raised");
        assertThat(body.get("alert").get("alertId").asString()).isEqualTo(alertId);
        assertThat(AlertServers.operator(second).get("/api/v1/events/reactions").json()).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(hook.taken).hasSize(1);
        assertThat(hook.requests.get()).isEqualTo(2);
      }
    }
  }
}
