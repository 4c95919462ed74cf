package io.baton.ai;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server that answers with queued responses in a provider's wire format and records
 * the requests: what provider tests talk to instead of the internet.
 */
public final class StubServer implements AutoCloseable {
  /** A status that makes the server never answer (until closed): for timeouts. */
  public static final int HANG = -1;

  private final java.util.concurrent.CountDownLatch closed =
      new java.util.concurrent.CountDownLatch(1);
  private final HttpServer server;
  private final Deque<Reply> replies = new ArrayDeque<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.Semaphore arrived = new java.util.concurrent.Semaphore(0);

  /** A recorded request; {@code clientPort} tells the client's connections apart. */
  public record Request(
      String method, String uri, Map<String, List<String>> headers, String body, int clientPort) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }
  }

  /** A queued response. */
  public record Reply(int status, Map<String, String> headers, String body) {}

  public StubServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              new Request(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().toString(),
                  Map.copyOf(exchange.getRequestHeaders()),
                  body,
                  exchange.getRemoteAddress().getPort()));
          arrived.release();
          Reply reply;
          synchronized (replies) {
            reply =
                replies.isEmpty()
                    ? new Reply(500, Map.of(), "{\"error\":\"no reply queued\"}")
                    : replies.poll();
          }
          if (reply.status() == HANG) {
            try {
              closed.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
          }
          byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          exchange.sendResponseHeaders(reply.status(), bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  /** Queues a 200 with {@code json}. */
  public StubServer ok(String json) {
    return reply(200, Map.of(), json);
  }

  /** Queues a response. */
  public StubServer reply(int status, Map<String, String> headers, String body) {
    synchronized (replies) {
      replies.add(new Reply(status, headers, body));
    }
    return this;
  }

  /** An OpenAI chat completion answering {@code text}, with 13 tokens of usage. */
  public static String chatCompletion(String text) {
    return """
        {"id":"c","object":"chat.completion","created":1,"model":"m",
         "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":10,"completion_tokens":3,"total_tokens":13}}"""
        .formatted(text.replace("\"", "\\\""));
  }

  /** {@code http://127.0.0.1:port} + {@code path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Waits until {@code n} requests have arrived in all (at most 30 s). */
  public void awaitRequests(int n) throws InterruptedException {
    if (!arrived.tryAcquire(n, 30, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new AssertionError("expected " + n + " requests, got " + requests.size());
    }
    arrived.release(n);
  }

  /** The requests received. */
  public List<Request> requests() {
    return requests;
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
  }
}
