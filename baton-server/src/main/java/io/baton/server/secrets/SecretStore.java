package io.baton.server.secrets;

import io.baton.api.time.TimeSource;
import io.baton.server.config.BatonProperties;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Secrets per namespace, encrypted at rest. Values leave this class only through {@link #reveal},
 * which the engine's extensions (model providers, HTTP tools) call; no endpoint returns them and
 * nothing logs them.
 */
@Component
public class SecretStore {
  private final JdbcClient jdbc;
  private final TimeSource clock;
  private final SecretCipher cipher;

  SecretStore(JdbcClient jdbc, TimeSource clock, BatonProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.cipher = new SecretCipher(MasterKey.load(properties));
  }

  /**
   * A secret's metadata.
   *
   * @param name its name
   * @param createdAt when it was created
   * @param updatedAt when its value last changed
   */
  public record SecretInfo(String name, Instant createdAt, Instant updatedAt) {}

  /** Sets a secret's value; true when it was created, false when replaced. */
  public boolean put(String namespace, String name, String value) {
    Instant now = clock.now();
    String ciphertext = cipher.encrypt(value, namespace + "/" + name);
    int updated =
        jdbc.sql(
                "update srv_secret set ciphertext = :c, updated_at = :u"
                    + " where namespace = :ns and name = :name")
            .param("c", ciphertext)
            .param("u", Timestamp.from(now))
            .param("ns", namespace)
            .param("name", name)
            .update();
    if (updated > 0) {
      return false;
    }
    jdbc.sql(
            "insert into srv_secret (namespace, name, ciphertext, created_at, updated_at)"
                + " values (:ns, :name, :c, :u, :u)")
        .param("ns", namespace)
        .param("name", name)
        .param("c", ciphertext)
        .param("u", Timestamp.from(now))
        .update();
    return true;
  }

  /** The namespace's secrets, by name. */
  public List<SecretInfo> list(String namespace) {
    return jdbc.sql(
            "select name, created_at, updated_at from srv_secret where namespace = :ns order by name")
        .param("ns", namespace)
        .query(
            (rs, n) ->
                new SecretInfo(
                    rs.getString("name"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("updated_at").toInstant()))
        .list();
  }

  /** Deletes a secret; false when there was none. */
  public boolean delete(String namespace, String name) {
    return jdbc.sql("delete from srv_secret where namespace = :ns and name = :name")
            .param("ns", namespace)
            .param("name", name)
            .update()
        > 0;
  }

  /** A secret's value, for the components that use it (never for an API response). */
  public Optional<String> reveal(String namespace, String name) {
    return jdbc.sql("select ciphertext from srv_secret where namespace = :ns and name = :name")
        .param("ns", namespace)
        .param("name", name)
        .query(String.class)
        .optional()
        .map(ciphertext -> cipher.decrypt(ciphertext, namespace + "/" + name));
  }
}
