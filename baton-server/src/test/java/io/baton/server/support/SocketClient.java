package io.baton.server.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** A real WebSocket client (the JDK's) that queues every JSON message it receives. */
public final class SocketClient implements AutoCloseable {
  private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  private final java.util.concurrent.atomic.AtomicInteger frames =
      new java.util.concurrent.atomic.AtomicInteger();
  private final WebSocket socket;

  private SocketClient(URI uri) {
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(uri, new Listener())
            .join();
  }

  /** Connects to {@code path} on the server, with the key as {@code ?api_key=}. */
  public static SocketClient connect(int port, String path, String key) {
    String sep = path.contains("?") ? "&" : "?";
    return new SocketClient(URI.create("ws://localhost:" + port + path + sep + "api_key=" + key));
  }

  /** Sends a JSON message. */
  public void send(Map<String, Object> message) {
    socket.sendText(Api.JSON.writeValueAsString(message), true).join();
  }

  /** The next message, waiting up to 10 s for it. */
  public JsonNode next() throws InterruptedException {
    JsonNode message = received.poll(10, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message within 10 s");
    }
    return message;
  }

  /** Every message up to and including the first that matches {@code last}. */
  public List<JsonNode> until(Predicate<JsonNode> last) throws InterruptedException {
    List<JsonNode> out = new ArrayList<>();
    while (true) {
      JsonNode message = next();
      out.add(message);
      if (last.test(message)) {
        return out;
      }
    }
  }

  /** Every message until one of each of {@code types} has arrived. */
  public List<JsonNode> untilAll(String... types) throws InterruptedException {
    java.util.Set<String> missing = new java.util.HashSet<>(List.of(types));
    List<JsonNode> out = new ArrayList<>();
    while (!missing.isEmpty()) {
      JsonNode message = next();
      out.add(message);
      missing.remove(message.get("type").asString());
    }
    return out;
  }

  /** How many frames arrived (a batch is one frame of several messages). */
  public int frames() {
    return frames.get();
  }

  @Override
  public void close() {
    socket
        .sendClose(WebSocket.NORMAL_CLOSURE, "bye")
        .orTimeout(5, TimeUnit.SECONDS)
        .exceptionally(e -> null)
        .join();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        JsonNode frame = Api.JSON.readTree(partial.toString());
        frames.incrementAndGet();
        if (frame.isArray()) {
          frame.forEach(received::add); // a batch: messages that were waiting together
        } else {
          received.add(frame);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
