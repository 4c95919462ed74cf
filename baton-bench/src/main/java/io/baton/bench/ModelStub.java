package io.baton.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenAI-compatible chat server for W7: HTTP/1.1 over loopback, one virtual thread per
 * connection, connections kept alive (HTTP/1.1's default) until the client closes them or asks
 * {@code Connection: close}. {@code POST /slow/v1/chat/completions} answers after {@link #SLOW},
 * {@code /fast/v1/chat/completions} at once, both with the same fixed completion and token usage;
 * another path is a 404, another method a 405. It stands for the model provider, whose latency W7
 * fixes; what is measured is everything around it.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver} (what it was until 2026-11-22): that server
 * took about 400 µs of CPU per request on the benchmark machine (its single dispatcher thread, its
 * per-exchange streams and header maps) against about 170 µs for this one, and in W7 the server
 * shares the machine's two cores with the engine — which a real provider, on its own machines, does
 * not ({@code docs/benchmarks.md}, the 2026-11-22 evening W7 section).
 */
final class ModelStub implements AutoCloseable {
  /** The latency of a model call in W7. */
  static final Duration SLOW = Duration.ofMillis(200);

  static final String ANSWER =
      """
      {"id":"w7","object":"chat.completion","created":1,"model":"stub",
       "choices":[{"index":0,"message":{"role":"assistant","content":"done"},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":12,"completion_tokens":1,"total_tokens":13}}""";

  private static final byte[] OK = response("200 OK", ANSWER);
  private static final byte[] NOT_FOUND = response("404 Not Found", "{\"error\":\"not found\"}");
  private static final byte[] NOT_ALLOWED =
      response("405 Method Not Allowed", "{\"error\":\"POST only\"}");
  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /** The longest request line or header line read; a longer one ends the connection. */
  private static final int MAX_LINE = 8_192;

  private final ServerSocket server;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger calls = new AtomicInteger();

  private ModelStub(ServerSocket server) {
    this.server = server;
  }

  /** Starts the server on a free loopback port. */
  static ModelStub start() throws IOException {
    ModelStub stub = new ModelStub(new ServerSocket(0, 4_096, InetAddress.getLoopbackAddress()));
    Thread.ofVirtual().name("model-stub-accept").start(stub::accept);
    return stub;
  }

  /** The base URL of the endpoint answering after {@code SLOW} ({@code slow}) or at once. */
  String baseUrl(String speed) {
    return "http://127.0.0.1:" + server.getLocalPort() + "/" + speed + "/v1";
  }

  /** Chat completions answered so far. */
  int calls() {
    return calls.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket connection = server.accept();
        connections.add(connection);
        Thread.ofVirtual().start(() -> serve(connection));
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** Answers the requests of one connection, one after the other, until either side closes it. */
  private void serve(Socket connection) {
    try (connection) {
      connection.setTcpNoDelay(true);
      InputStream in = new Buffered(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      while (answer(in, out)) {
        // keep-alive: the next request on the same connection
      }
    } catch (IOException | InterruptedException gone) {
      // the client closed the connection, or the server is closing
    } finally {
      connections.remove(connection);
    }
  }

  /** Reads one request and answers it; false when the connection is to be closed. */
  private boolean answer(InputStream in, OutputStream out)
      throws IOException, InterruptedException {
    String requestLine = line(in);
    if (requestLine == null) {
      return false;
    }
    String[] parts = requestLine.split(" ");
    if (parts.length != 3) {
      throw new IOException("not an HTTP request line: " + requestLine);
    }
    long length = 0;
    boolean chunked = false;
    boolean close = parts[2].equals("HTTP/1.0");
    for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.contains("chunked");
        case "connection" -> close = value.contains("close");
        case "expect" -> {
          if (value.equals("100-continue")) {
            out.write(CONTINUE);
            out.flush();
          }
        }
        default -> {
          // other headers (the JDK client's h2c upgrade offer among them) are ignored, as a
          // server without HTTP/2 over plain TCP ignores them
        }
      }
    }
    if (chunked) {
      skipChunks(in);
    } else {
      in.skipNBytes(length);
    }
    out.write(reply(parts[0], parts[1]));
    out.flush();
    return !close;
  }

  private byte[] reply(String method, String path) throws InterruptedException {
    boolean slow = path.equals("/slow/v1/chat/completions");
    if (!slow && !path.equals("/fast/v1/chat/completions")) {
      return NOT_FOUND;
    }
    if (!method.equals("POST")) {
      return NOT_ALLOWED;
    }
    if (slow) {
      Thread.sleep(SLOW); // parks this connection's virtual thread only
    }
    calls.incrementAndGet();
    return OK;
  }

  private static void skipChunks(InputStream in) throws IOException {
    for (String size = line(in); size != null; size = line(in)) {
      int semicolon = size.indexOf(';');
      long bytes =
          Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
      if (bytes == 0) {
        for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
          // trailers are ignored
        }
        return;
      }
      in.skipNBytes(bytes);
      line(in); // the CRLF after the chunk
    }
  }

  /**
   * One CRLF- (or LF-) terminated line in ASCII, without its end; null at the end of the stream.
   */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        if (bytes.size() == 0) {
          return null;
        }
        throw new EOFException("the connection ended inside a line");
      }
      if (bytes.size() == MAX_LINE) {
        throw new SocketException("a line longer than " + MAX_LINE + " bytes");
      }
      bytes.write(b);
    }
    String text = bytes.toString(StandardCharsets.US_ASCII);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  private static byte[] response(String status, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("HTTP/1.1 "
                + status
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  /**
   * A read buffer without {@link java.io.BufferedInputStream}'s lock, which it takes on every
   * {@code read()}: requests are parsed a byte at a time, and one connection has one reader.
   */
  private static final class Buffered extends InputStream {
    private final InputStream in;
    private final byte[] buffer = new byte[8_192];
    private int position;
    private int limit;

    Buffered(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      if (position == limit && !fill()) {
        return -1;
      }
      return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (position == limit && !fill()) {
        return -1;
      }
      int n = Math.min(length, limit - position);
      System.arraycopy(buffer, position, into, offset, n);
      position += n;
      return n;
    }

    private boolean fill() throws IOException {
      int n = in.read(buffer, 0, buffer.length);
      position = 0;
      limit = Math.max(n, 0);
      return n > 0;
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket connection : connections) {
      connection.close(); // ends its thread's blocked read
    }
  }
}
