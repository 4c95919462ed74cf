package io.baton.server.security;

import io.baton.server.api.ApiError;
import io.baton.server.audit.AuditLog;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/auth}: who the caller is, and API keys (admins). A key's secret is returned once,
 * when it is created; listings show ids, names, grants and dates only.
 */
@RestController
public class AuthController {
  private final ApiKeyStore keys;
  private final AuditLog audit;

  AuthController(ApiKeyStore keys, AuditLog audit) {
    this.keys = keys;
    this.audit = audit;
  }

  /** The caller: subject, namespace of the request, role there, all grants. */
  @GetMapping("/api/v1/auth/whoami")
  public Map<String, Object> whoami(Caller caller) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("subject", caller.subject());
    out.put("namespace", caller.namespace());
    out.put("role", caller.role().wireName());
    out.put("grants", caller.grants().asText());
    return out;
  }

  /** Every key (never their secrets). */
  @GetMapping("/api/v1/auth/keys")
  public List<ApiKey> list() {
    return keys.list();
  }

  /**
   * Creates a key: {@code {name, grants: ["ns:role"], expiresAt?}} → 201 {@code {key, secret}}. A
   * caller cannot grant more than it holds.
   */
  @PostMapping("/api/v1/auth/keys")
  public ResponseEntity<Map<String, Object>> create(
      Caller caller, @RequestBody Map<String, Object> body) {
    Object name = body.get("name");
    if (!(name instanceof String text) || text.isBlank()) {
      throw ApiError.badField("/name", "missing-field", "a key needs a name");
    }
    if (!(body.get("grants") instanceof List<?> list) || list.isEmpty()) {
      throw ApiError.badField(
          "/grants", "missing-field", "a key needs grants, e.g. [\"default:viewer\"]");
    }
    Grants grants;
    try {
      grants = Grants.parse(list.stream().map(String::valueOf).toList());
    } catch (IllegalArgumentException e) {
      throw ApiError.badField("/grants", "invalid-grant", e.getMessage());
    }
    if (!caller.grants().covers(grants)) {
      throw ApiError.badField(
          "/grants", "grant-exceeds-caller", "a key cannot be given more than its creator holds");
    }
    Instant expires = null;
    if (body.get("expiresAt") != null) {
      try {
        expires = Instant.parse(body.get("expiresAt").toString());
      } catch (java.time.format.DateTimeParseException e) {
        throw ApiError.badField(
            "/expiresAt",
            "invalid-time",
            "expiresAt is an ISO-8601 instant, e.g. 2030-01-01T00:00:00Z");
      }
    }
    var created = keys.create(text.trim(), grants, expires, caller.subject());
    audit.record(caller, "apikey.create", "apikey", created.key().keyId(), null, created.key());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", created.key());
    out.put("secret", created.secret());
    return ResponseEntity.created(URI.create("/api/v1/auth/keys/" + created.key().keyId()))
        .body(out);
  }

  /** Revokes a key at once → 204. */
  @DeleteMapping("/api/v1/auth/keys/{keyId}")
  public ResponseEntity<Void> revoke(Caller caller, @PathVariable String keyId) {
    ApiKey before = keys.find(keyId).orElseThrow(() -> ApiError.notFound("API key", keyId));
    keys.revoke(keyId);
    audit.record(caller, "apikey.revoke", "apikey", keyId, before, null);
    return ResponseEntity.noContent().build();
  }
}
