package io.baton.ai.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One configured model provider, as written under {@code providers:}.
 *
 * <pre>{@code
 * providers:
 *   openai: {kind: openai, apiKey: env:OPENAI_API_KEY, model: gpt-4o-mini, timeout: 60s}
 *   local:  {kind: openai-compatible, baseUrl: http://localhost:8000/v1, model: qwen2.5}
 * }</pre>
 *
 * @param name the provider's name, used in model references ({@code openai/gpt-4o})
 * @param kind its wire protocol
 * @param baseUrl its endpoint, or null for the kind's default
 * @param model the model used when a reference names none, or null
 * @param apiKey where its key comes from, or null when it needs none
 * @param timeout the limit on one call
 * @param maxRetries retries of a call that failed with a retryable error (rate limit, timeout, 5xx)
 * @param headers extra HTTP headers sent with every call
 * @param apiVersion the API version (Azure OpenAI), or null
 * @param script the offline model's script file, or null
 */
public record ProviderConfig(
    String name,
    ProviderKind kind,
    String baseUrl,
    String model,
    SecretRef apiKey,
    Duration timeout,
    int maxRetries,
    Map<String, String> headers,
    String apiVersion,
    Path script) {

  /** The limit on one call when none is configured. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public ProviderConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (maxRetries < 0) {
      throw new IllegalArgumentException(
          "provider '" + name + "': maxRetries must be 0 or more, found " + maxRetries);
    }
    if ((kind == ProviderKind.OPENAI_COMPATIBLE || kind == ProviderKind.AZURE_OPENAI)
        && baseUrl == null) {
      throw new IllegalArgumentException(
          "provider '" + name + "' of kind " + kind.wireName() + " needs a baseUrl");
    }
  }

  /** The offline model, answering from {@code script} when not null. */
  public static ProviderConfig offline(String name, Path script) {
    return new ProviderConfig(
        name, ProviderKind.OFFLINE, null, "offline", null, null, 0, null, null, script);
  }

  /** A provider of {@code kind} at {@code baseUrl} with defaults for the rest (2 retries). */
  public static ProviderConfig of(String name, ProviderKind kind, String baseUrl, String model) {
    return new ProviderConfig(name, kind, baseUrl, model, null, null, 2, null, null, null);
  }

  /** A copy whose key comes from {@code key}. */
  public ProviderConfig withApiKey(SecretRef key) {
    return new ProviderConfig(
        name, kind, baseUrl, model, key, timeout, maxRetries, headers, apiVersion, script);
  }

  /** A copy with another per-call timeout and retry count. */
  public ProviderConfig withLimits(Duration callTimeout, int retries) {
    return new ProviderConfig(
        name, kind, baseUrl, model, apiKey, callTimeout, retries, headers, apiVersion, script);
  }

  /** A copy with extra headers and an API version (Azure OpenAI). */
  public ProviderConfig withHeaders(Map<String, String> extra, String version) {
    return new ProviderConfig(
        name, kind, baseUrl, model, apiKey, timeout, maxRetries, extra, version, script);
  }
}
