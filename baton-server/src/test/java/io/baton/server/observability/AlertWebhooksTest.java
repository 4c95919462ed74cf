package io.baton.server.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.server.config.BatonProperties;
import io.baton.server.events.SystemEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which events the alert webhooks take (only the alert engine's, not an API caller's look-alike),
 * how they are named (host and hash, never the URL's secret path), and the check of their URLs at
 * the start.
 */
class AlertWebhooksTest {
  private static final String SLACK = "https://hooks.slack.example/services/T0/B0/s3cr3t";

  private static AlertWebhooks webhooks(List<String> urls) {
    var alerts =
        new BatonProperties.Alerts(
            Duration.ofSeconds(15),
            urls,
            List.of(),
            new BatonProperties.Email(List.of(), "baton@localhost", 5));
    return new AlertWebhooks(
        new BatonProperties(Path.of("."), null, null, null, null, null, alerts),
        null,
        JsonMapper.builder().build(),
        new SimpleMeterRegistry(),
        5);
  }

  private static SystemEvent event(String namespace, String type, String source) {
    return new SystemEvent(
        1, "e", namespace, type, source, "a1", null, Instant.parse("2030-01-01T00:00:00Z"), null);
  }

  @Test
  void onlyTheAlertEnginesEventsGoToTheWebhooksNamedWithoutTheirSecret() {
    AlertWebhooks hooks = webhooks(List.of(SLACK, "http://127.0.0.1:9/other"));
    List<String> receivers =
        hooks.receiversOf(event(AlertEngine.NAMESPACE, "alert.raised", AlertNotifier.SOURCE));

    assertThat(receivers).hasSize(2);
    assertThat(receivers.get(0))
        .isEqualTo(AlertWebhooks.name(URI.create(SLACK)))
        .matches("hooks\\.slack\\.example#[0-9a-f]{8}");
    assertThat(receivers.get(1)).matches("127\\.0\\.0\\.1#[0-9a-f]{8}");
    assertThat(hooks.receiversOf(event(AlertEngine.NAMESPACE, "alert.raised", "api:mallory")))
        .isEmpty();
    assertThat(hooks.receiversOf(event("team-a", "alert.raised", AlertNotifier.SOURCE))).isEmpty();
    assertThat(hooks.receiversOf(event(AlertEngine.NAMESPACE, "run.failed", "engine"))).isEmpty();
  }

  @Test
  void aWebhookThatIsNotAnHttpUrlStopsTheStartNamingItsEntry() {
    assertThatThrownBy(() -> webhooks(List.of(SLACK, "hooks.example.com/baton")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baton.alerts.webhooks[1]")
        .hasMessageContaining("http(s) URL");
  }
}
