package io.baton.ai.model;

import java.util.Optional;

/**
 * Where API keys come from: environment variables by default, or a secret store. Configuration
 * files name keys ({@code env:OPENAI_API_KEY}, {@code secret:openai}), never hold them, so that
 * keys stay out of files, journals and logs.
 */
@FunctionalInterface
public interface SecretSource {

  /** The secret called {@code name}, if there is one. */
  Optional<String> find(String name);

  /** The process's environment variables. */
  static SecretSource environment() {
    return name -> Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }
}
