package io.baton.ai.model;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * The HTTP client given to LangChain4j's provider modules: one per provider, shared by all its
 * models (chat and streaming, every model name), so that calls reuse its pooled connections instead
 * of each model opening its own. It behaves as LangChain4j's JDK client, except that an error
 * response keeps its {@code Retry-After} header ({@link ProviderHttpException}), which
 * LangChain4j's own client drops, and that it asks plain-HTTP servers for HTTP/1.1 straight away
 * instead of offering them an upgrade to HTTP/2. Streams and multipart uploads go through
 * LangChain4j's JDK client unchanged, built on first use.
 */
final class ProviderHttpClient implements HttpClient, AutoCloseable {
  private final java.net.http.HttpClient http;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Supplier<Instant> now;
  private volatile JdkHttpClient streams;
  private volatile Endpoint lastEndpoint;

  private ProviderHttpClient(Builder builder) {
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    var jdk = java.net.http.HttpClient.newBuilder();
    if (connectTimeout != null) {
      jdk.connectTimeout(connectTimeout);
    }
    this.http = jdk.build();
    this.now = builder.now;
  }

  /**
   * A builder of one shared client: the first {@link Builder#build()} makes it (with the timeouts
   * set then — a provider's models all set the provider's), later ones return it.
   *
   * @param now the clock that reads {@code Retry-After} dates
   */
  static Builder shared(Supplier<Instant> now) {
    return new Builder(now);
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    if (!request.formDataFiles().isEmpty() || !request.formDataFields().isEmpty()) {
      return streams().execute(request);
    }
    URI uri = uri(request.url());
    var jdk = java.net.http.HttpRequest.newBuilder(uri);
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      // Plain-HTTP model servers (Ollama, vLLM, llama.cpp, LM Studio) speak HTTP/1.1 only: the JDK
      // client's default would offer each of them an h2c upgrade (headers they ignore) and take
      // a third more CPU per call (W7, docs/benchmarks.md). HTTPS still negotiates HTTP/2.
      jdk.version(java.net.http.HttpClient.Version.HTTP_1_1);
    }
    if (readTimeout != null) {
      jdk.timeout(readTimeout);
    }
    request.headers().forEach((name, values) -> values.forEach(v -> jdk.header(name, v)));
    String body = request.body();
    jdk.method(
        request.method().name(),
        body == null || request.method() == HttpMethod.GET
            ? BodyPublishers.noBody()
            : BodyPublishers.ofString(body));
    // bytes, as LangChain4j keeps the body: read as a String it was encoded back to bytes and
    // decoded again when LangChain4j read it
    HttpResponse<byte[]> response;
    try {
      response = http.send(jdk.build(), BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new dev.langchain4j.exception.TimeoutException(e);
    } catch (IOException e) {
      throw new RuntimeException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeException(e);
    }
    if (response.statusCode() < 200 || response.statusCode() >= 300) {
      throw new ProviderHttpException(
          response.statusCode(),
          new String(response.body(), StandardCharsets.UTF_8),
          retryAfter(response.headers()));
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(response.statusCode())
        .headers(response.headers().map())
        .body(response.body())
        .build();
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    streams().execute(request, parser, listener);
  }

  /** The URI of {@code url}: a model's calls all go to the same one, so the last is kept. */
  private URI uri(String url) {
    Endpoint endpoint = lastEndpoint;
    if (endpoint == null || !endpoint.url().equals(url)) {
      endpoint = new Endpoint(url, URI.create(url));
      lastEndpoint = endpoint;
    }
    return endpoint.uri();
  }

  private record Endpoint(String url, URI uri) {}

  private JdkHttpClient streams() {
    JdkHttpClient client = streams;
    if (client == null) {
      synchronized (this) {
        if (streams == null) {
          streams =
              JdkHttpClient.builder()
                  .connectTimeout(connectTimeout)
                  .readTimeout(readTimeout)
                  .build();
        }
        client = streams;
      }
    }
    return client;
  }

  /** Closes the pooled connections of the non-streaming calls. */
  @Override
  public void close() {
    http.close();
  }

  /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
  Duration retryAfter(HttpHeaders headers) {
    return headers.firstValue("retry-after").map(this::parseRetryAfter).orElse(null);
  }

  Duration parseRetryAfter(String value) {
    String v = value.strip();
    try {
      return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(v) * 1000)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now.get(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  /** Builds the shared client; LangChain4j modules set the timeouts. */
  static final class Builder implements HttpClientBuilder {
    private final Supplier<Instant> now;
    private Duration connectTimeout;
    private Duration readTimeout;
    private ProviderHttpClient built;

    Builder(Supplier<Instant> now) {
      this.now = now;
    }

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    @Override
    public synchronized ProviderHttpClient build() {
      if (built == null) {
        built = new ProviderHttpClient(this);
      }
      return built;
    }

    /** The client, or null when no model has been built yet. */
    synchronized ProviderHttpClient builtClient() {
      return built;
    }
  }
}
