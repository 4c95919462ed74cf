package io.baton.server.secrets;

import io.baton.server.api.ApiError;
import io.baton.server.audit.AuditLog;
import io.baton.server.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/secrets}: names and dates only; a value can be set or deleted, never read back.
 * The audit log records who set which secret, without its value.
 */
@RestController
public class SecretController {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
  private final SecretStore secrets;
  private final AuditLog audit;

  SecretController(SecretStore secrets, AuditLog audit) {
    this.secrets = secrets;
    this.audit = audit;
  }

  /** The namespace's secrets, without values. */
  @GetMapping("/api/v1/secrets")
  public List<SecretStore.SecretInfo> list(Caller caller) {
    return secrets.list(caller.namespace());
  }

  /** Sets {@code {value}} → 201 when created, 200 when replaced; the body has no value. */
  @PutMapping("/api/v1/secrets/{name}")
  public ResponseEntity<Map<String, Object>> put(
      Caller caller, @PathVariable String name, @RequestBody Map<String, Object> body) {
    if (!NAME.matcher(name).matches()) {
      throw ApiError.badField(
          "/name", "invalid-name", "a secret name is letters, digits, '_', '.' and '-'");
    }
    if (!(body.get("value") instanceof String value) || value.isEmpty()) {
      throw ApiError.badField("/value", "missing-field", "a secret needs a string value");
    }
    boolean created = secrets.put(caller.namespace(), name, value);
    audit.record(
        caller,
        created ? "secret.create" : "secret.update",
        "secret",
        name,
        null,
        Map.of("name", name));
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Map.of("name", name, "created", created));
  }

  /** Deletes a secret → 204. */
  @DeleteMapping("/api/v1/secrets/{name}")
  public ResponseEntity<Void> delete(Caller caller, @PathVariable String name) {
    if (!secrets.delete(caller.namespace(), name)) {
      throw ApiError.notFound("secret", name);
    }
    audit.record(caller, "secret.delete", "secret", name, Map.of("name", name), null);
    return ResponseEntity.noContent().build();
  }
}
