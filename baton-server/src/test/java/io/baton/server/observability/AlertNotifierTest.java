package io.baton.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AlertNotifierTest {
  @Test
  void postsAlertsToTheWebhooks() throws Exception {
    LinkedBlockingQueue<String> bodies = new LinkedBlockingQueue<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try {
      JsonMapper json = JsonMapper.builder().build();
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      var alerts =
          new io.baton.server.config.BatonProperties.Alerts(
              java.time.Duration.ofSeconds(15),
              List.of(url),
              List.of(),
              new io.baton.server.config.BatonProperties.Email(List.of(), "baton@localhost"));
      AlertNotifier notifier =
          new AlertNotifier(
              null,
              new io.baton.server.config.BatonProperties(
                  java.nio.file.Path.of("."), null, null, null, null, null, alerts),
              null,
              json);
      Alert alert =
          new Alert(
              "a1",
              "memory",
              "P3",
              "heap",
              "active",
              0.9,
              Instant.parse("2030-01-01T00:00:00Z"),
              null,
              null);
      notifier.post("alert.raised", alert, alerts.webhooks());
      String body = bodies.poll(10, TimeUnit.SECONDS);
      assertThat(body).isNotNull();
      JsonNode sent = json.readTree(body);
      assertThat(sent.get("event").asString()).isEqualTo("alert.raised");
      assertThat(sent.get("alert").get("severity").asString()).isEqualTo("P3");
    } finally {
      receiver.stop(0);
    }
  }
}
