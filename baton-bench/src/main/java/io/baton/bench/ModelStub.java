package io.baton.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenAI-compatible chat server for W7 (JDK {@link HttpServer} on loopback, one virtual
 * thread per request): {@code POST /slow/v1/chat/completions} answers after {@link #SLOW}, {@code
 * /fast/v1/chat/completions} at once, both with the same fixed completion and token usage. It
 * stands for the model provider, whose latency W7 fixes; what is measured is everything around it.
 */
final class ModelStub implements AutoCloseable {
  /** The latency of a model call in W7. */
  static final Duration SLOW = Duration.ofMillis(200);

  static final String ANSWER =
      """
      {"id":"w7","object":"chat.completion","created":1,"model":"stub",
       "choices":[{"index":0,"message":{"role":"assistant","content":"done"},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":12,"completion_tokens":1,"total_tokens":13}}""";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger calls = new AtomicInteger();

  private ModelStub(HttpServer server) {
    this.server = server;
  }

  /** Starts the server on a free loopback port. */
  static ModelStub start() throws IOException {
    // The JDK server keeps 200 idle connections by default and closes the rest, which the client's
    // pool (1,000 connections after a repetition) would then reuse and find closed.
    System.setProperty("sun.net.httpserver.maxIdleConnections", "8192");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4_096);
    ModelStub stub = new ModelStub(server);
    server.createContext("/slow/v1/chat/completions", e -> stub.answer(e, SLOW));
    server.createContext("/fast/v1/chat/completions", e -> stub.answer(e, Duration.ZERO));
    server.setExecutor(stub.threads);
    server.start();
    return stub;
  }

  /** The base URL of the endpoint answering after {@code SLOW} ({@code slow}) or at once. */
  String baseUrl(String speed) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + speed + "/v1";
  }

  /** Chat completions answered so far. */
  int calls() {
    return calls.get();
  }

  private void answer(HttpExchange exchange, Duration delay) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      if (!delay.isZero()) {
        Thread.sleep(delay); // parks this request's virtual thread only
      }
      byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      calls.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.close();
  }
}
