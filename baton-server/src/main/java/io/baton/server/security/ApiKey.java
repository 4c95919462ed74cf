package io.baton.server.security;

import java.time.Instant;
import java.util.List;

/**
 * An API key as stored and listed: never its secret, only a hash of it.
 *
 * @param keyId the public part of the key ({@code bk_<keyId>_<secret>})
 * @param name what it is for
 * @param grants its roles by namespace ({@code namespace:role})
 * @param createdBy who created it
 * @param createdAt when
 * @param expiresAt when it stops working, or null
 * @param revoked whether it was revoked
 */
public record ApiKey(
    String keyId,
    String name,
    List<String> grants,
    String createdBy,
    Instant createdAt,
    Instant expiresAt,
    boolean revoked) {

  /** Whether the key may be used at {@code now}. */
  public boolean usableAt(Instant now) {
    return !revoked && (expiresAt == null || now.isBefore(expiresAt));
  }
}
