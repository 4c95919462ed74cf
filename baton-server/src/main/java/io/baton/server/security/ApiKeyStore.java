package io.baton.server.security;

import io.baton.api.time.TimeSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * API keys: {@code bk_<keyId>_<secret>}, stored as the SHA-256 of the whole key (the secret is 256
 * random bits, so a fast hash cannot be brute-forced), scoped by grants, optionally expiring.
 * Verified keys are cached by id so that authentication costs no query per request.
 */
@Component
public class ApiKeyStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COLUMNS =
      "key_id, name, hash, grants, created_by, created_at, expires_at, revoked";

  private final JdbcClient jdbc;
  private final TimeSource clock;
  private final Map<String, Stored> cache = new ConcurrentHashMap<>();

  /** A store over the server's tables. */
  public ApiKeyStore(JdbcClient jdbc, TimeSource clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A key just created: its record and its text, which is shown once and never again. */
  public record Created(ApiKey key, String secret) {}

  private record Stored(ApiKey key, String hash) {}

  /** Creates a key. */
  public Created create(String name, Grants grants, Instant expiresAt, String createdBy) {
    String keyId = token(9);
    String text = "bk_" + keyId + "_" + token(32);
    return new Created(insert(keyId, name, text, grants, expiresAt, createdBy), text);
  }

  /**
   * Stores a key chosen by the operator ({@code BATON_BOOTSTRAP_KEY}) as an admin of every
   * namespace.
   */
  public ApiKey bootstrap(String text) {
    if (text.length() < 16) {
      throw new IllegalArgumentException("BATON_BOOTSTRAP_KEY must be at least 16 characters");
    }
    String keyId = keyIdOf(text);
    return insert(
        keyId == null ? "bootstrap" : keyId,
        "bootstrap admin key",
        text,
        Grants.parse(List.of("*:admin")),
        null,
        "bootstrap");
  }

  private ApiKey insert(
      String keyId, String name, String text, Grants grants, Instant expiresAt, String by) {
    Instant now = clock.now();
    jdbc.sql(
            "insert into srv_api_key ("
                + COLUMNS
                + ") values (:id, :name, :hash, :grants, :by, :at, :exp, false)")
        .param("id", keyId)
        .param("name", name)
        .param("hash", hash(text))
        .param("grants", String.join(",", grants.asText()))
        .param("by", by)
        .param("at", Timestamp.from(now))
        .param("exp", expiresAt == null ? null : Timestamp.from(expiresAt))
        .update();
    return new ApiKey(keyId, name, grants.asText(), by, now, expiresAt, false);
  }

  /** The key that {@code text} is, if it exists and may be used now. */
  public Optional<ApiKey> authenticate(String text) {
    String keyId = keyIdOf(text);
    Stored stored = cache.computeIfAbsent(keyId == null ? "bootstrap" : keyId, this::load);
    if (stored == null
        || !MessageDigest.isEqual(
            stored.hash().getBytes(StandardCharsets.US_ASCII),
            hash(text).getBytes(StandardCharsets.US_ASCII))
        || !stored.key().usableAt(clock.now())) {
      return Optional.empty();
    }
    return Optional.of(stored.key());
  }

  /** Every key, newest first. */
  public List<ApiKey> list() {
    return jdbc.sql("select " + COLUMNS + " from srv_api_key order by created_at desc")
        .query((rs, n) -> read(rs).key())
        .list();
  }

  /** The key with this id. */
  public Optional<ApiKey> find(String keyId) {
    return Optional.ofNullable(load(keyId)).map(Stored::key);
  }

  /** Revokes a key at once; false when there is no such key. */
  public boolean revoke(String keyId) {
    int changed =
        jdbc.sql("update srv_api_key set revoked = true where key_id = :id")
            .param("id", keyId)
            .update();
    cache.remove(keyId);
    return changed > 0;
  }

  /** How many keys exist (none on the first start). */
  public long count() {
    return jdbc.sql("select count(*) from srv_api_key").query(Long.class).single();
  }

  private Stored load(String keyId) {
    return jdbc.sql("select " + COLUMNS + " from srv_api_key where key_id = :id")
        .param("id", keyId)
        .query((rs, n) -> read(rs))
        .optional()
        .orElse(null);
  }

  private static Stored read(ResultSet rs) throws SQLException {
    Timestamp expires = rs.getTimestamp("expires_at");
    String grants = rs.getString("grants");
    ApiKey key =
        new ApiKey(
            rs.getString("key_id"),
            rs.getString("name"),
            grants.isEmpty() ? List.of() : Arrays.asList(grants.split(",")),
            rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant(),
            expires == null ? null : expires.toInstant(),
            rs.getBoolean("revoked"));
    return new Stored(key, rs.getString("hash"));
  }

  /** The id part of a {@code bk_<id>_<secret>} key, or null for a key of another form. */
  static String keyIdOf(String text) {
    if (text.startsWith("bk_")) {
      int end = text.indexOf('_', 3);
      if (end > 3) {
        return text.substring(3, end);
      }
    }
    return null;
  }

  static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Random URL-safe text without underscores, so that the key's parts stay separable. */
  private static String token(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random).replace('_', 'x');
  }
}
