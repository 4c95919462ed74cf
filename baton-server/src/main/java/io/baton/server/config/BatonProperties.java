package io.baton.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's settings under {@code baton.*} (environment: {@code BATON_DATA}, {@code
 * BATON_BOOTSTRAP_KEY}, {@code BATON_MASTER_KEY}, …). The engine's own keys (seed 004: {@code
 * orchestration}, {@code scheduling}, {@code coordination}, {@code limits}) are top-level sections
 * of the same configuration, read by {@link io.baton.server.engine.EngineConfigSource}.
 *
 * @param data the data directory (default {@code ./data})
 * @param store where runs and the server's own tables are kept
 * @param bootstrapKey the first admin API key, or blank to generate one and print it once
 * @param masterKey the base64 AES-256 key that encrypts secrets, or blank to use {@code
 *     masterKeyFile}
 * @param masterKeyFile the file holding the master key (created with a new key when missing)
 * @param security authentication, limits and CORS
 * @param alerts alert evaluation and notifications
 */
@ConfigurationProperties("baton")
public record BatonProperties(
    @DefaultValue("./data") Path data,
    @DefaultValue Store store,
    String bootstrapKey,
    String masterKey,
    Path masterKeyFile,
    @DefaultValue Security security,
    @DefaultValue Alerts alerts) {

  /** The master key file: the one configured, or {@code master.key} in the data directory. */
  public Path masterKeyPath() {
    return masterKeyFile != null ? masterKeyFile : data.resolve("master.key");
  }

  /** The store location: the one configured, or the embedded H2 file in the data directory. */
  public String storeLocation() {
    String location = store.location();
    return location == null || location.isBlank()
        ? "h2:" + data.resolve("baton").toAbsolutePath()
        : location;
  }

  /**
   * Where runs are kept.
   *
   * @param location {@code mem:}, {@code h2:PATH} or {@code jdbc:postgresql://…} (default {@code
   *     h2:${baton.data}/baton})
   * @param options provider options ({@code user}, {@code password}, {@code poolSize})
   */
  public record Store(String location, @DefaultValue Map<String, String> options) {}

  /**
   * Authentication and request limits.
   *
   * @param jwt bearer tokens, when an issuer is configured
   * @param requestsPerSecond the sustained request rate allowed per API key or token (0: no limit)
   * @param burst how many requests a key may make at once above that rate
   * @param maxRequestBytes the largest request body accepted
   * @param corsOrigins origins allowed to call the API from a browser (none by default: same
   *     origin)
   */
  public record Security(
      @DefaultValue Jwt jwt,
      @DefaultValue("1000") int requestsPerSecond,
      @DefaultValue("2000") int burst,
      @DefaultValue("4194304") long maxRequestBytes,
      @DefaultValue List<String> corsOrigins) {}

  /**
   * JWT bearer tokens (OIDC).
   *
   * @param issuerUri the issuer; its discovery document gives the keys
   * @param jwkSetUri the key set, when there is no discovery document
   * @param rolesClaim the claim listing the caller's grants as {@code namespace:role}
   */
  public record Jwt(
      String issuerUri, String jwkSetUri, @DefaultValue("baton_roles") String rolesClaim) {
    /** Whether bearer tokens are accepted at all. */
    public boolean enabled() {
      return (issuerUri != null && !issuerUri.isBlank())
          || (jwkSetUri != null && !jwkSetUri.isBlank());
    }
  }

  /**
   * Alerting.
   *
   * @param evaluationInterval how often the rules are evaluated
   * @param webhooks URLs that receive every alert raised and resolved, as JSON
   * @param rules the rules stored on the first start (none: seed 002's four)
   * @param email who receives every alert raised and resolved by email
   */
  public record Alerts(
      @DefaultValue("15s") Duration evaluationInterval,
      @DefaultValue List<String> webhooks,
      @DefaultValue List<io.baton.server.observability.AlertRule> rules,
      @DefaultValue Email email) {}

  /**
   * Alert emails, sent through the SMTP server of {@code spring.mail.host}, {@code .port}, …
   *
   * @param to the recipients (none: no email)
   * @param from the sender
   * @param attempts how many attempts an email gets before it becomes a dead letter
   */
  public record Email(
      @DefaultValue List<String> to,
      @DefaultValue("baton@localhost") String from,
      @DefaultValue("5") int attempts) {}
}
