package io.baton.server.observability;

import io.baton.server.config.BatonProperties;
import io.baton.server.events.SystemEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert emails of {@code baton.alerts.email.*}, an {@link AlertChannel} (durable, retried, dead
 * letters): one email per alert event to all of {@code baton.alerts.email.to}, sent through the
 * SMTP server of {@code spring.mail.*}; {@code baton.alerts.email.attempts} (5) attempts; each
 * failed attempt counts in {@code baton.alerts.email.failures}. The recipients are one receiver,
 * named {@code <domain of the first>#<hash of all>} (their addresses are personal data, not for the
 * dead letters' readers).
 *
 * <p>At least once: an attempt the SMTP server did not take sends nothing, and its retry sends the
 * one email; but one it took without the server seeing the answer (the connection broke after the
 * message's end, or the server stopped before the outbox marked it done) is sent again. Every
 * attempt of an event carries the same {@code Message-ID} (the event's id and the recipients'
 * hash), by which a mail store or client may drop the second copy.
 *
 * <p>An SMTP server that does not answer holds the outbox's thread: unless {@code
 * spring.mail.properties.mail.smtp.*timeout} say otherwise, connecting, reading and writing each
 * wait {@code baton.events.routes.timeout} (10 s), as webhooks do.
 */
@Component
class AlertEmails extends AlertChannel<List<InternetAddress>> {
  static final String NAME = "alert-email";

  private final ObjectProvider<JavaMailSender> mail;
  private final JsonMapper json;
  private final InternetAddress from;

  AlertEmails(
      BatonProperties properties,
      ObjectProvider<JavaMailSender> mail,
      JsonMapper json,
      MeterRegistry registry,
      @Value("${baton.events.routes.timeout:10s}") Duration timeout) {
    super(
        NAME,
        recipients(properties.alerts().email(), mail.getIfAvailable()),
        properties.alerts().email().attempts(),
        new Failures(
            "baton.alerts.email.failures",
            "alert emails that could not be sent, each attempt",
            "recipients"),
        registry);
    this.mail = mail;
    this.json = json;
    this.from = address(properties.alerts().email().from(), "baton.alerts.email.from");
    if (mail.getIfAvailable() instanceof JavaMailSenderImpl smtp) {
      boundWaits(smtp, timeout);
    }
  }

  /** The recipients as one receiver, or none when no email is configured. */
  private static Map<String, List<InternetAddress>> recipients(
      BatonProperties.Email email, JavaMailSender sender) {
    if (email.to().isEmpty()) {
      return Map.of();
    }
    if (sender == null) {
      throw new IllegalStateException(
          "baton.alerts.email.to is set but there is no SMTP server to send alert emails through:"
              + " set spring.mail.host (and .port, .username, .password)");
    }
    List<InternetAddress> to =
        java.util.stream.IntStream.range(0, email.to().size())
            .mapToObj(i -> address(email.to().get(i), "baton.alerts.email.to[" + i + "]"))
            .toList();
    String all =
        String.join(
            ",", to.stream().map(a -> a.getAddress().toLowerCase(Locale.ROOT)).sorted().toList());
    String first = to.getFirst().getAddress();
    return Map.of(hashedName(first.substring(first.indexOf('@') + 1), all), to);
  }

  private static InternetAddress address(String address, String key) {
    try {
      InternetAddress parsed = new InternetAddress(address.trim(), true);
      if (parsed.getAddress().indexOf('@') > 0) {
        return parsed;
      }
    } catch (AddressException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        key + " must be an email address, like ops@example.com, was '" + address + "'");
  }

  /** Bounds the SMTP client's waits, unless the configuration does. */
  private static void boundWaits(JavaMailSenderImpl smtp, Duration timeout) {
    String protocol = smtp.getProtocol() == null ? "smtp" : smtp.getProtocol();
    Properties properties = smtp.getJavaMailProperties();
    String millis = Long.toString(timeout.toMillis());
    for (String wait : List.of("connectiontimeout", "timeout", "writetimeout")) {
      properties.putIfAbsent("mail." + protocol + "." + wait, millis);
    }
  }

  @Override
  void send(String recipients, List<InternetAddress> to, SystemEvent event) {
    JavaMailSender sender = mail.getObject();
    MimeMessage message = sender.createMimeMessage();
    Alert alert = json.convertValue(event.data(), Alert.class);
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(to.toArray(InternetAddress[]::new));
      helper.setSubject(
          "[Baton "
              + alert.severity()
              + "] "
              + event.type().replace('.', ' ')
              + ": "
              + alert.ruleId());
      helper.setText(body(alert));
      // the same on every attempt (Spring keeps a Message-ID set beforehand)
      message.setHeader("Message-ID", messageId(event, recipients));
    } catch (MessagingException e) {
      throw new IllegalArgumentException("alert email to " + recipients + ": " + e.getMessage(), e);
    }
    try {
      sender.send(message);
    } catch (MailException e) {
      throw failure(recipients, e);
    }
  }

  private static String body(Alert alert) {
    return alert.message()
        + "\n\nalert "
        + alert.alertId()
        + ", rule "
        + alert.ruleId()
        + ", "
        + alert.status()
        + ", raised at "
        + alert.raisedAt()
        + (alert.resolvedAt() == null ? "" : ", resolved at " + alert.resolvedAt());
  }

  private String messageId(SystemEvent event, String recipients) {
    String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
    return "<baton-alert."
        + event.id()
        + "."
        + recipients.substring(recipients.lastIndexOf('#') + 1)
        + "@"
        + domain
        + ">";
  }

  /**
   * What a failed send is to the outbox: refused for good (a dead letter at once) when the server
   * rejects the login or a recipient, else worth another attempt (no answer, a busy server).
   */
  private static RuntimeException failure(String recipients, MailException e) {
    String message = "alert email to " + recipients + " not sent: " + e.getMessage();
    boolean refused = e instanceof MailAuthenticationException;
    if (e instanceof MailSendException send) {
      for (Exception cause : send.getMessageExceptions()) {
        if (cause instanceof SendFailedException failed
            && failed.getInvalidAddresses() != null
            && failed.getInvalidAddresses().length > 0) {
          refused = true;
        }
      }
    }
    return refused
        ? new IllegalArgumentException(message, e)
        : new IllegalStateException(message, e);
  }
}
