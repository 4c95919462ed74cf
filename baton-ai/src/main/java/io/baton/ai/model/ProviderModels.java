package io.baton.ai.model;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.baton.api.time.TimeSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds LangChain4j chat models from provider configurations, all models of a provider on one
 * shared HTTP client (one connection pool per provider). LangChain4j's own retries are off: the
 * {@link ModelGateway} retries, so that {@code Retry-After}, the circuit breaker and the fallback
 * chain see every failure.
 */
public final class ProviderModels implements AutoCloseable {
  private final SecretSource environment;
  private final SecretSource store;
  private final TimeSource clock;
  private final Map<String, ProviderHttpClient.Builder> clients = new ConcurrentHashMap<>();

  /**
   * @param environment where {@code env:} keys are read
   * @param store where {@code secret:} keys are read
   * @param clock reads {@code Retry-After} dates
   */
  public ProviderModels(SecretSource environment, SecretSource store, TimeSource clock) {
    this.environment = environment;
    this.store = store;
    this.clock = clock;
    ProviderJsonBuffers.share();
  }

  /**
   * A chat model of {@code provider} for {@code modelName}.
   *
   * @throws IllegalStateException when its key is not set
   */
  public ChatModel chatModel(ProviderConfig provider, String modelName) {
    String key = key(provider);
    return switch (provider.kind()) {
      case OPENAI, OPENAI_COMPATIBLE, AZURE_OPENAI -> openAi(provider, modelName, key);
      case ANTHROPIC ->
          AnthropicChatModel.builder()
              .httpClientBuilder(http(provider))
              .baseUrl(provider.baseUrl())
              .apiKey(key)
              .modelName(modelName)
              .timeout(provider.timeout())
              .customHeaders(provider.headers())
              .maxRetries(0)
              .build();
      case GEMINI ->
          GoogleAiGeminiChatModel.builder()
              .httpClientBuilder(http(provider))
              .baseUrl(provider.baseUrl())
              .apiKey(key)
              .modelName(modelName)
              .timeout(provider.timeout())
              .maxRetries(0)
              .build();
      case OLLAMA ->
          OllamaChatModel.builder()
              .httpClientBuilder(http(provider))
              .baseUrl(provider.baseUrl() == null ? "http://localhost:11434" : provider.baseUrl())
              .modelName(modelName)
              .timeout(provider.timeout())
              .customHeaders(provider.headers())
              .maxRetries(0)
              .build();
      case OFFLINE ->
          throw new IllegalArgumentException("the offline model is built by OfflineModel");
    };
  }

  /**
   * A streaming chat model of {@code provider}, or null when Baton does not stream from its kind
   * (then calls are made whole and one delta carries the whole answer).
   */
  public StreamingChatModel streamingModel(ProviderConfig provider, String modelName) {
    if (provider.kind() != ProviderKind.OPENAI
        && provider.kind() != ProviderKind.OPENAI_COMPATIBLE
        && provider.kind() != ProviderKind.AZURE_OPENAI) {
      return null;
    }
    OpenAiEndpoint endpoint = OpenAiEndpoint.of(provider, modelName, key(provider));
    return OpenAiStreamingChatModel.builder()
        .httpClientBuilder(http(provider))
        .baseUrl(endpoint.baseUrl())
        .apiKey(endpoint.bearerKey())
        .modelName(modelName)
        .timeout(provider.timeout())
        .customHeaders(endpoint.headers())
        .customQueryParams(endpoint.query())
        .build();
  }

  private ChatModel openAi(ProviderConfig provider, String modelName, String key) {
    OpenAiEndpoint endpoint = OpenAiEndpoint.of(provider, modelName, key);
    return OpenAiChatModel.builder()
        .httpClientBuilder(http(provider))
        .baseUrl(endpoint.baseUrl())
        .apiKey(endpoint.bearerKey())
        .modelName(modelName)
        .timeout(provider.timeout())
        .customHeaders(endpoint.headers())
        .customQueryParams(endpoint.query())
        .maxRetries(0)
        .build();
  }

  /** The builder of {@code provider}'s one HTTP client, which all its models share. */
  private ProviderHttpClient.Builder http(ProviderConfig provider) {
    return clients.computeIfAbsent(provider.name(), k -> ProviderHttpClient.shared(clock::now));
  }

  /** Closes the providers' HTTP clients and their pooled connections. */
  @Override
  public void close() {
    clients.values().stream()
        .map(ProviderHttpClient.Builder::builtClient)
        .filter(java.util.Objects::nonNull)
        .forEach(ProviderHttpClient::close);
  }

  private String key(ProviderConfig provider) {
    return provider.apiKey() == null ? null : provider.apiKey().resolve(environment, store);
  }

  /**
   * Where an OpenAI-wire call goes. Azure OpenAI speaks the same wire format at a deployment's URL,
   * authenticates with an {@code api-key} header instead of a bearer token, and wants an {@code
   * api-version} query parameter.
   */
  private record OpenAiEndpoint(
      String baseUrl, String bearerKey, Map<String, String> headers, Map<String, String> query) {

    static OpenAiEndpoint of(ProviderConfig provider, String modelName, String key) {
      if (provider.kind() != ProviderKind.AZURE_OPENAI) {
        String bearer = key == null ? "not-needed" : key;
        return new OpenAiEndpoint(provider.baseUrl(), bearer, provider.headers(), Map.of());
      }
      Map<String, String> headers = new HashMap<>(provider.headers());
      if (key != null) {
        headers.put("api-key", key);
      }
      String base = provider.baseUrl().replaceAll("/+$", "");
      String version = provider.apiVersion() == null ? "2024-10-21" : provider.apiVersion();
      return new OpenAiEndpoint(
          base + "/openai/deployments/" + modelName, null, headers, Map.of("api-version", version));
    }
  }
}
