package io.baton.server.secrets;

import io.baton.server.config.BatonProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts secrets at rest: {@code BATON_MASTER_KEY} (base64) when set,
 * otherwise the key in the master key file, created with a new random key (readable by its owner
 * only) on the first start.
 */
public final class MasterKey {
  private MasterKey() {}

  /**
   * Loads (or on the first start creates) the key.
   *
   * @throws IllegalStateException when the configured key is not 32 bytes of base64
   */
  public static SecretKey load(BatonProperties properties) {
    String text = properties.masterKey();
    if (text == null || text.isBlank()) {
      text = fromFile(properties.masterKeyPath());
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the master key is not base64", e);
    }
    if (key.length != 32) {
      throw new IllegalStateException(
          "the master key must be 32 bytes (AES-256), base64-encoded; it is " + key.length);
    }
    return new SecretKeySpec(key, "AES");
  }

  private static String fromFile(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file);
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      String text = Base64.getEncoder().encodeToString(key);
      Files.writeString(file, text);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // the file system has no POSIX permissions: its own access rules apply
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the master key file " + file, e);
    }
  }
}
