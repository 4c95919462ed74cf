package io.baton.ai.tool;

import io.baton.ai.internal.JsonCodec;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.Tool;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code http_request}: one HTTP request. It sends the call's idempotency key as the {@code
 * Idempotency-Key} header, so that a server can de-duplicate a request repeated after a crash or a
 * retry. A JSON response body is returned parsed.
 */
public final class HttpRequestTool implements Tool {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @Override
  public String name() {
    return "http_request";
  }

  @Override
  public String description() {
    return "Sends an HTTP request and returns its status and body.";
  }

  @Override
  public Map<String, Object> parameters() {
    return Map.of(
        "type", "object",
        "properties",
            Map.of(
                "url", Map.of("type", "string", "description", "an http or https URL"),
                "method",
                    Map.of(
                        "type", "string", "enum", List.of("GET", "POST", "PUT", "PATCH", "DELETE")),
                "headers", Map.of("type", "object"),
                "body", Map.of("description", "sent as JSON unless it is a string")),
        "required", List.of("url"));
  }

  @Override
  public Object invoke(Map<String, Object> arguments, StepContext context) throws IOException {
    URI uri = uri(arguments.get("url"));
    String method =
        String.valueOf(arguments.getOrDefault("method", "GET")).toUpperCase(java.util.Locale.ROOT);
    Object body = arguments.get("body");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Idempotency-Key", context.idempotencyKey());
    if (arguments.get("headers") instanceof Map<?, ?> headers) {
      headers.forEach((k, v) -> request.header(k.toString(), v.toString()));
    }
    if (body != null && !(body instanceof String)) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(
                body instanceof String s ? s : JsonCodec.write(body)));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new StepException(
          ErrorKind.TIMEOUT, method + " " + uri + " took longer than " + TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepException(ErrorKind.CANCELLED, method + " " + uri + " was interrupted");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", response.statusCode());
    String type = response.headers().firstValue("content-type").orElse("");
    Object parsed = type.contains("json") ? JsonCodec.extract(response.body()) : null;
    out.put("body", parsed != null ? parsed : response.body());
    return out;
  }

  private static URI uri(Object url) {
    if (url == null) {
      throw new StepException(ErrorKind.BAD_INPUT, "http_request needs a url");
    }
    URI uri = URI.create(url.toString());
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new StepException(
          ErrorKind.BAD_INPUT, "http_request takes http or https URLs, found " + url);
    }
    return uri;
  }
}
