package io.baton.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.baton.server.support.Api;
import io.baton.server.support.RunningServer;
import io.baton.test.FakeClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Event routes over real HTTP to a webhook receiver on loopback: the filter picks the events, the
 * transform shapes the body, failing deliveries are retried with backoff on the server's clock and
 * go to the dead letters after their attempts (at once when the receiver refuses), from where a
 * replay delivers them; URLs outside the allowed hosts are refused.
 */
class EventRouteApiTest {
  @TempDir Path data;

  /** A webhook on loopback answering {@code status} and keeping what it received. */
  private static final class Receiver implements AutoCloseable {
    final HttpServer server;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> eventIds = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(200);

    Receiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hook",
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = status.get();
            if (answer == 200) {
              bodies.add(body);
              eventIds.add(exchange.getRequestHeaders().getFirst("X-Baton-Event-Id"));
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private RunningServer start() {
    return RunningServer.start(
        Map.of(
            "baton.data", data.toString(),
            "baton.events.routes.allowed-hosts", "127.0.0.1",
            "baton.events.retry.seed", "3"));
  }

  private static JsonNode letters(Api api) {
    return api.get("/api/v1/events/dead-letters").json();
  }

  @Test
  void aRouteFiltersTransformsRetriesAndDeadLettersItsDeliveries() throws Exception {
    try (Receiver hook = new Receiver();
        RunningServer server = start()) {
      Api api = server.admin().in("routes");
      FakeClock clock = server.bean(FakeClock.class);
      Map<String, Object> route =
          Map.of(
              "id",
              "big-orders",
              "type",
              "order.*",
              "filter",
              "event.data.amount > 100",
              "transform",
              Map.of("order", "${event.correlationId}", "amount", "${event.data.amount}"),
              "url",
              hook.url(),
              "maxAttempts",
              3);
      assertThat(api.post("/api/v1/events/routes", route).status()).isEqualTo(201);

      api.post(
          "/api/v1/events",
          Map.of("type", "order.placed", "correlationId", "small", "data", Map.of("amount", 5)));
      String big =
          api.post(
                  "/api/v1/events",
                  Map.of(
                      "type",
                      "order.placed",
                      "correlationId",
                      "o-1",
                      "data",
                      Map.of("amount", 500)))
              .json()
              .get("event")
              .get("id")
              .asString();
      clock.advance(Duration.ofMillis(1));
      assertThat(hook.bodies).hasSize(1);
      assertThat(Api.JSON.readTree(hook.bodies.get(0)).get("order").asString()).isEqualTo("o-1");
      assertThat(Api.JSON.readTree(hook.bodies.get(0)).get("amount").asInt()).isEqualTo(500);
      assertThat(hook.eventIds).containsExactly(big);

      // the receiver is down: tried again after the backoff, delivered once it is back
      hook.status.set(503);
      api.post("/api/v1/events", Map.of("type", "order.paid", "data", Map.of("amount", 200)));
      clock.advance(Duration.ofMillis(1));
      JsonNode pending = api.get("/api/v1/events/reactions").json();
      assertThat(pending.get(0).get("reaction").asString()).isEqualTo("route:big-orders");
      assertThat(pending.get(0).get("lastError").asString()).contains("503");
      hook.status.set(200);
      clock.advance(Duration.ofSeconds(1));
      assertThat(hook.bodies).hasSize(2);
      assertThat(api.get("/api/v1/events/reactions").json()).isEmpty();

      // down for good: three attempts, then a dead letter; replayed once the receiver is back
      hook.status.set(500);
      api.post("/api/v1/events", Map.of("type", "order.lost", "data", Map.of("amount", 300)));
      clock.advance(Duration.ofMillis(1));
      clock.advance(Duration.ofSeconds(1));
      assertThat(letters(api)).isEmpty();
      clock.advance(Duration.ofSeconds(2));
      JsonNode letter = letters(api).get(0);
      assertThat(letter.get("subscriber").asString()).isEqualTo("route:big-orders");
      assertThat(letter.get("attempts").asInt()).isEqualTo(3);
      hook.status.set(200);
      JsonNode replayed =
          api.post("/api/v1/events/dead-letters/" + letter.get("id").asLong() + "/replay", null)
              .json();
      assertThat(replayed.get("delivered").asBoolean()).as(replayed.toString()).isTrue();
      assertThat(hook.bodies).hasSize(3);
      assertThat(letters(api)).isEmpty();

      // the receiver refuses: no retry
      hook.status.set(404);
      api.post("/api/v1/events", Map.of("type", "order.odd", "data", Map.of("amount", 101)));
      clock.advance(Duration.ofMillis(1));
      assertThat(letters(api).get(0).get("attempts").asInt()).isEqualTo(1);
      assertThat(letters(api).get(0).get("error").asString()).contains("404");
    }
  }

  @Test
  void routesAreCheckedWholeAndPostOnlyToAllowedHosts() {
    try (RunningServer server = start()) {
      Api api = server.admin().in("routes-bad");
      Api.Response elsewhere =
          api.post(
              "/api/v1/events/routes",
              Map.of("id", "out", "type", "x", "url", "http://169.254.169.254/latest"));
      assertThat(elsewhere.status()).isEqualTo(400);
      assertThat(elsewhere.body()).contains("/url", "baton.events.routes.allowed-hosts");
      Api.Response badFilter =
          api.post(
              "/api/v1/events/routes",
              Map.of("id", "f", "type", "x", "url", "http://127.0.0.1/h", "filter", "event.("));
      assertThat(badFilter.status()).isEqualTo(400);
      assertThat(badFilter.body()).contains("/filter");
      Api.Response missing = api.post("/api/v1/events/routes", Map.of("id", "m", "type", "x"));
      assertThat(missing.body()).contains("/url");
      Map<String, Object> ok = Map.of("id", "ok", "type", "x", "url", "http://127.0.0.1/h");
      assertThat(api.post("/api/v1/events/routes", ok).status()).isEqualTo(201);
      assertThat(api.post("/api/v1/events/routes", ok).status()).isEqualTo(409);
      assertThat(api.get("/api/v1/events/routes").json()).hasSize(1);
      assertThat(server.admin().in("elsewhere").get("/api/v1/events/routes/ok").status())
          .isEqualTo(404);
      assertThat(api.delete("/api/v1/events/routes/ok").status()).isEqualTo(204);
      assertThat(api.get("/api/v1/events/routes").json()).isEmpty();
    }
  }
}
