package io.baton.server.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.server.config.BatonProperties;
import io.baton.server.events.SystemEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the alert emails' recipients are named in the outbox (a domain and a hash, the same whatever
 * their order), and the checks at the start: addresses, and an SMTP server to send through.
 */
class AlertEmailsTest {
  private static AlertEmails emails(List<String> to, JavaMailSender sender) {
    var alerts =
        new BatonProperties.Alerts(
            Duration.ofSeconds(15),
            List.of(),
            List.of(),
            new BatonProperties.Email(to, "baton@example.net", 5));
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    if (sender != null) {
      beans.addBean("mailSender", sender);
    }
    return new AlertEmails(
        new BatonProperties(Path.of("."), null, null, null, null, null, alerts),
        beans.getBeanProvider(JavaMailSender.class),
        JsonMapper.builder().build(),
        new SimpleMeterRegistry(),
        Duration.ofSeconds(10));
  }

  private static final SystemEvent RAISED =
      new SystemEvent(
          1,
          "e",
          AlertEngine.NAMESPACE,
          "alert.raised",
          AlertNotifier.SOURCE,
          "a1",
          null,
          Instant.parse("2030-01-01T00:00:00Z"),
          null);

  @Test
  void theRecipientsAreOneReceiverNamedByDomainAndHashWhateverTheirOrder() {
    JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    List<String> one =
        emails(List.of("ops@example.com", "On-Call@example.org"), smtp).receiversOf(RAISED);
    List<String> other =
        emails(List.of("on-call@example.org", "ops@example.com"), smtp).receiversOf(RAISED);

    assertThat(one).hasSize(1);
    assertThat(one.getFirst()).matches("example\\.com#[0-9a-f]{8}");
    assertThat(other.getFirst()).endsWith(one.getFirst().substring(one.getFirst().indexOf('#')));
    assertThat(emails(List.of(), null).receiversOf(RAISED)).isEmpty();
  }

  @Test
  void theSmtpClientWaitsAreBoundedUnlessConfigured() {
    JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    smtp.getJavaMailProperties().setProperty("mail.smtp.timeout", "3000");
    emails(List.of("ops@example.com"), smtp);

    assertThat(smtp.getJavaMailProperties())
        .containsEntry("mail.smtp.connectiontimeout", "10000")
        .containsEntry("mail.smtp.writetimeout", "10000")
        .containsEntry("mail.smtp.timeout", "3000");
  }

  @Test
  void aBadAddressOrNoSmtpServerStopsTheStart() {
    assertThatThrownBy(
            () -> emails(List.of("ops@example.com", "not an address"), new JavaMailSenderImpl()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baton.alerts.email.to[1]");
    assertThatThrownBy(() -> emails(List.of("ops@example.com"), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spring.mail.host");
  }
}
