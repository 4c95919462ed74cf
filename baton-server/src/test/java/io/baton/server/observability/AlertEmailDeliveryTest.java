package io.baton.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.baton.server.support.Api;
import io.baton.server.support.PostgresDatabase;
import io.baton.server.support.RunningServer;
import io.baton.test.FakeClock;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Alert emails through the event outbox against a real SMTP server in the test's process
 * (GreenMail), on the server's fake clock: an email the SMTP server could not take (it was down) is
 * sent once when it is back; one that never gets through becomes a dead letter after {@code
 * baton.alerts.email.attempts}, which a replay sends; one pending when the server stops is sent
 * once after the next start (on H2 and on PostgreSQL).
 */
class AlertEmailDeliveryTest {
  @TempDir Path data;

  /** An SMTP server on loopback, on a port of its own, down until {@link #up}. */
  private static final class Smtp implements AutoCloseable {
    final GreenMail mail;
    final int port;

    Smtp() throws IOException {
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    void up() {
      mail.start();
    }

    /** The emails in the inbox of {@code address}. */
    List<MimeMessage> inbox(String address) throws FolderException {
      GreenMailUser user = mail.getUserManager().getUserByEmail(address);
      assertThat(user).as(address + " has a mailbox").isNotNull();
      return mail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
          .map(StoredMessage::getMimeMessage)
          .toList();
    }

    @Override
    public void close() {
      mail.stop();
    }
  }

  private RunningServer start(Smtp smtp, Map<String, Object> more) {
    Map<String, Object> properties = new HashMap<>(more);
    properties.put("baton.alerts.email.to[0]", "ops@example.com");
    properties.put("baton.alerts.email.to[1]", "on-call@example.org");
    properties.put("baton.alerts.email.from", "baton@example.net");
    properties.put("baton.alerts.email.attempts", "3");
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", smtp.port);
    return AlertServers.start(data, properties);
  }

  private static double failures(RunningServer server) {
    return AlertServers.count(server, "baton.alerts.email.failures");
  }

  /** Each recipient received exactly one email, about alert {@code alertId} being raised. */
  private static void sentOnce(Smtp smtp, String alertId) throws Exception {
    assertThat(smtp.mail.waitForIncomingEmail(10_000, 2)).isTrue();
    for (String address : List.of("ops@example.com", "on-call@example.org")) {
      List<MimeMessage> received = smtp.inbox(address);
      assertThat(received).as(address).hasSize(1);
      MimeMessage mail = received.getFirst();
      assertThat(mail.getSubject()).isEqualTo("[Baton P3] alert raised: heap-used");
      assertThat(GreenMailUtil.getBody(mail)).contains("some heap is used", alertId);
      assertThat(mail.getMessageID()).startsWith("<baton-alert.").endsWith("@example.net>");
    }
    assertThat(smtp.mail.getReceivedMessages()).hasSize(2);
  }

  @Test
  void anEmailTheSmtpServerCouldNotTakeIsSentOnceWhenItIsBack() throws Exception {
    try (Smtp smtp = new Smtp();
        RunningServer server = start(smtp, Map.of())) {
      FakeClock clock = server.bean(FakeClock.class);
      Api api = AlertServers.operator(server);
      String alertId = AlertServers.raise(server);

      JsonNode pending = AlertServers.pendingAfterAFailedAttempt(server);
      assertThat(pending.get("reaction").asString())
          .matches("alert-email:example\\.com#[0-9a-f]{8}");
      assertThat(pending.get("lastError").asString()).contains("not sent");
      assertThat(failures(server)).isEqualTo(1.0);

      smtp.up();
      clock.advance(Duration.ofSeconds(1));

      sentOnce(smtp, alertId);
      assertThat(api.get("/api/v1/events/reactions").json()).isEmpty();
      assertThat(api.get("/api/v1/events/dead-letters").json()).isEmpty();
      clock.advance(Duration.ofMinutes(10));
      assertThat(smtp.mail.getReceivedMessages()).hasSize(2);
      assertThat(failures(server)).isEqualTo(1.0);
    }
  }

  @Test
  void anEmailThatNeverGetsThroughEndsInADeadLetterThatAReplaySends() throws Exception {
    try (Smtp smtp = new Smtp();
        RunningServer server = start(smtp, Map.of())) {
      String alertId = AlertServers.raise(server);

      JsonNode letter =
          AlertServers.deadLetterAfterThreeAttempts(server, "alert-email:example.com#");
      assertThat(failures(server)).isEqualTo(3.0);
      assertThat(smtp.mail.getReceivedMessages()).isEmpty();

      smtp.up();
      AlertServers.replay(server, letter);
      sentOnce(smtp, alertId);
    }
  }

  @Test
  void anEmailPendingWhenTheServerStopsIsSentOnceAfterTheNextStart() throws Exception {
    survivesARestart(Map.of());
  }

  @Test
  void anEmailPendingWhenTheServerStopsIsSentOnceAfterTheNextStartOnPostgres() throws Exception {
    try (PostgresDatabase db = PostgresDatabase.create()) {
      survivesARestart(Map.of("baton.store.location", db.location()));
    }
  }

  private void survivesARestart(Map<String, Object> store) throws Exception {
    try (Smtp smtp = new Smtp()) {
      String alertId;
      try (RunningServer first = start(smtp, store)) {
        alertId = AlertServers.raise(first);
        AlertServers.pendingAfterAFailedAttempt(first);
      }
      smtp.up();

      try (RunningServer second = start(smtp, store)) {
        FakeClock clock = second.bean(FakeClock.class);
        clock.advance(Duration.ofSeconds(2));
        sentOnce(smtp, alertId);
        assertThat(AlertServers.operator(second).get("/api/v1/events/reactions").json()).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(smtp.mail.getReceivedMessages()).hasSize(2);
      }
    }
  }
}
