package io.baton.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.baton.server.support.Api;
import io.baton.server.support.RunningServer;
import io.baton.test.FakeClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Alert rules from the configuration and through the API, and the email channel against a real SMTP
 * server in the test's process (GreenMail): a rule created through the API raises an alert from
 * real failed runs at the next evaluation on the fake clock, and the alert arrives by email.
 */
class AlertRulesApiTest {
  private static final String FAILING =
      """
      id: failing
      steps:
        - {id: boom, type: tool, tool: fail, input: {}}
      """;

  @TempDir Path data;

  @Test
  void rulesAreSeededChangedThroughTheApiAndAlertsAreEmailed() throws Exception {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try (RunningServer server =
        RunningServer.start(
            Map.of(
                "baton.data", data.toString(),
                "baton.alerts.evaluation-interval", "10s",
                "baton.alerts.email.to", "ops@example.com",
                "baton.alerts.email.from", "baton@example.com",
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", smtp.getSmtp().getPort()))) {
      Api api = server.admin();
      FakeClock clock = server.bean(FakeClock.class);
      assertThat(api.get("/api/v1/alerts/rules").json())
          .extracting(r -> r.get("id").asString())
          .containsExactly("error-rate", "latency", "memory", "queue-backlog");

      Map<String, Object> rule =
          Map.of(
              "id", "any-failure",
              "severity", "P1",
              "measure", "ERROR_RATE",
              "condition", "ABOVE",
              "threshold", 0.0,
              "sustained", "PT0S",
              "description", "a run failed");
      assertThat(api.post("/api/v1/alerts/rules", rule).status()).isEqualTo(201);
      assertThat(api.post("/api/v1/alerts/rules", rule).status()).isEqualTo(409);
      Api.Response bad =
          api.post(
              "/api/v1/alerts/rules",
              Map.of(
                  "id",
                  "x",
                  "severity",
                  "P9",
                  "measure",
                  "ERROR_RATE",
                  "condition",
                  "ABOVE",
                  "threshold",
                  1,
                  "sustained",
                  "PT1M"));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("/severity", "P9");
      String viewer =
          api.post("/api/v1/auth/keys", Map.of("name", "v", "grants", List.of("default:viewer")))
              .json()
              .get("secret")
              .asString();
      assertThat(api.withKey(viewer).post("/api/v1/alerts/rules", rule).status()).isEqualTo(403);
      assertThat(api.withKey(viewer).get("/api/v1/alerts/rules/any-failure").status())
          .isEqualTo(200);

      api.postText("/api/v1/workflows", FAILING, "application/yaml");
      String run =
          api.post("/api/v1/workflows/failing/execute", Map.of()).json().get("id").asString();
      api.awaitStatus(run, "FAILED");
      clock.advance(Duration.ofSeconds(10));
      clock.advance(Duration.ofMillis(1)); // the outbox sends the email on its own thread

      JsonNode active = api.get("/api/v1/alerts?status=active").json().get("alerts");
      assertThat(active).extracting(a -> a.get("ruleId").asString()).contains("any-failure");
      assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
      MimeMessage mail = mailAbout(smtp, "raised");
      assertThat(mail.getSubject()).isEqualTo("[Baton P1] alert raised: any-failure");
      assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops@example.com");
      assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("a run failed");

      Map<String, Object> calmer = new java.util.HashMap<>(rule);
      calmer.put("threshold", 2.0);
      assertThat(
              api.put("/api/v1/alerts/rules/any-failure", calmer)
                  .json()
                  .get("threshold")
                  .asDouble())
          .isEqualTo(2.0);
      clock.advance(Duration.ofSeconds(10));
      clock.advance(Duration.ofMillis(1));
      assertThat(api.get("/api/v1/alerts?status=active").json().get("alerts"))
          .extracting(a -> a.get("ruleId").asString())
          .doesNotContain("any-failure");
      assertThat(smtp.waitForIncomingEmail(30_000, 2)).isTrue();
      assertThat(mailAbout(smtp, "resolved").getSubject())
          .isEqualTo("[Baton P1] alert resolved: any-failure");

      assertThat(api.delete("/api/v1/alerts/rules/any-failure").status()).isEqualTo(204);
      assertThat(api.get("/api/v1/alerts/rules/any-failure").status()).isEqualTo(404);
      assertThat(api.get("/api/v1/audit?resource_type=alert-rule").json().get("items"))
          .extracting(e -> e.get("action").asString())
          .containsExactly("alert-rule.delete", "alert-rule.update", "alert-rule.create");
    } finally {
      smtp.stop();
    }
  }

  /** The email about {@code any-failure} being {@code what} (a seed rule may have mailed too). */
  private static MimeMessage mailAbout(GreenMail smtp, String what) throws Exception {
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (m.getSubject().endsWith(what + ": any-failure")) {
        return m;
      }
    }
    throw new AssertionError("no email about any-failure being " + what);
  }

  @Test
  void configuredRulesReplaceTheSeedDefaults() {
    try (RunningServer server =
        RunningServer.start(
            Map.of(
                "baton.data", data.toString(),
                "baton.alerts.rules[0].id", "slow-steps",
                "baton.alerts.rules[0].severity", "P2",
                "baton.alerts.rules[0].measure", "STEP_LATENCY_SECONDS",
                "baton.alerts.rules[0].condition", "ABOVE",
                "baton.alerts.rules[0].threshold", "5",
                "baton.alerts.rules[0].sustained", "1m",
                "baton.alerts.rules[0].description", "steps are slow"))) {
      JsonNode rules = server.admin().get("/api/v1/alerts/rules").json();
      assertThat(rules).hasSize(1);
      assertThat(rules.get(0).get("id").asString()).isEqualTo("slow-steps");
      assertThat(rules.get(0).get("threshold").asDouble()).isEqualTo(5.0);
    }
  }
}
