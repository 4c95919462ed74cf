package io.baton.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client of the server under test, with one API key and one namespace. */
public final class Api {
  public static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final int port;
  private final String key;
  private final String namespace;
  private final String token;

  public Api(int port, String key, String namespace) {
    this(port, key, namespace, null);
  }

  private Api(int port, String key, String namespace, String token) {
    this.port = port;
    this.key = key;
    this.namespace = namespace;
    this.token = token;
  }

  /** A client that authenticates with a bearer token instead of a key. */
  public static Api bearer(int port, String token, String namespace) {
    return new Api(port, null, namespace, token);
  }

  /** The same client with another key. */
  public Api withKey(String otherKey) {
    return new Api(port, otherKey, namespace);
  }

  /** The same client in another namespace. */
  public Api in(String otherNamespace) {
    return new Api(port, key, otherNamespace, token);
  }

  public int port() {
    return port;
  }

  public String key() {
    return key;
  }

  /** A response: status, headers and the body (as JSON when it is JSON). */
  public record Response(int status, String body, Map<String, String> headers) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** Polls a run until it has {@code status} (20 s at most) and returns its detail. */
  public JsonNode awaitStatus(String executionId, String status) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                get("/api/v1/executions/" + executionId)
                    .json()
                    .get("status")
                    .asString()
                    .equals(status));
    return get("/api/v1/executions/" + executionId).json();
  }

  /** The step at {@code path} in a run's detail. */
  public static JsonNode step(JsonNode detail, String path) {
    for (JsonNode step : detail.get("steps")) {
      if (step.get("path").asString().equals(path)) {
        return step;
      }
    }
    throw new AssertionError("no step " + path + " in " + detail);
  }

  /** The output of the step at {@code path} in a run's detail. */
  public static JsonNode stepOutput(JsonNode detail, String path) {
    return step(detail, path).get("output");
  }

  public Response get(String path) {
    return send(builder(path).GET());
  }

  public Response delete(String path) {
    return send(builder(path).DELETE());
  }

  public Response post(String path, Object body) {
    return send(json(builder(path), body, "POST"));
  }

  public Response put(String path, Object body) {
    return send(json(builder(path), body, "PUT"));
  }

  /** Sends {@code text} as is, with {@code contentType}. */
  public Response postText(String path, String text, String contentType) {
    return send(
        builder(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(text)));
  }

  public Response putText(String path, String text, String contentType) {
    return send(
        builder(path)
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofString(text)));
  }

  private HttpRequest.Builder json(HttpRequest.Builder b, Object body, String method) {
    String text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
    return b.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(text));
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (key != null) {
      b.header("X-API-Key", key);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (namespace != null) {
      b.header("X-Baton-Namespace", namespace);
    }
    return b;
  }

  private static Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> headers = new LinkedHashMap<>();
      r.headers()
          .map()
          .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
      return new Response(r.statusCode(), r.body(), headers);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
