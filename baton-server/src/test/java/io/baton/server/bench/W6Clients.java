package io.baton.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * W6's load generator, run by {@link W6ApiLoad} in a process of its own so that the server's CPU
 * and the clients' are told apart. {@code clients} virtual threads, each with one keep-alive
 * HTTP/1.1 connection over a plain socket (what {@code wrk} does: a fixed request written, the
 * response read by its {@code Content-Length} or chunks), send {@code POST
 * /api/v1/workflows/w6/execute} one after the other.
 *
 * <p>Driven over standard input and output: each {@code GO <seconds> <idsFile>} line runs one
 * repetition; it answers {@code BEGIN} when the clients start and {@code END <requests> <seconds>
 * <p50_ms> <p95_ms> <p99_ms> <cpu_ns>} when they have stopped, after writing to {@code idsFile} one
 * line per run started, {@code <runId> <epoch µs when its request was sent>}, for the server to
 * measure completions against. Epoch time (not {@code nanoTime}) because it is the same clock in
 * both processes.
 */
public final class W6Clients {
  private static final byte[] CRLF2 = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private W6Clients() {}

  /** One request's outcome. */
  private record Sent(String runId, long sentMicros, long latencyNanos) {}

  /** {@code <port> <clients> <apiKey>}. */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int clients = Integer.parseInt(args[1]);
    byte[] request = request(port, args[2]);
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    String line;
    while ((line = in.readLine()) != null && line.startsWith("GO ")) {
      String[] go = line.split(" ");
      repetition(port, clients, request, Integer.parseInt(go[1]), Path.of(go[2]), out);
    }
  }

  private static void repetition(
      int port, int clients, byte[] request, int seconds, Path ids, PrintWriter out)
      throws Exception {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<List<Sent>> perClient = new ArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    out.println("BEGIN");
    long cpu0 = os.getProcessCpuTime();
    long start = System.nanoTime();
    List<Future<Void>> running = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        List<Sent> mine = new ArrayList<>(100_000);
        perClient.add(mine);
        running.add(pool.submit(() -> client(port, request, stop, mine)));
      }
      Thread.sleep(seconds * 1000L);
      stop.set(true);
    }
    for (Future<Void> client : running) {
      client.get(); // a client that failed fails the benchmark, with its cause
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long cpu = os.getProcessCpuTime() - cpu0;
    long[] latencies =
        perClient.stream().flatMap(List::stream).mapToLong(Sent::latencyNanos).sorted().toArray();
    List<String> lines =
        perClient.stream()
            .flatMap(List::stream)
            .map(s -> s.runId() + " " + s.sentMicros())
            .toList();
    Files.write(ids, lines);
    out.printf(
        Locale.ROOT,
        "END %d %.3f %.3f %.3f %.3f %d%n",
        latencies.length,
        elapsed,
        pct(latencies, 0.50),
        pct(latencies, 0.95),
        pct(latencies, 0.99),
        cpu);
  }

  private static byte[] request(int port, String key) {
    String body = "{\"inputs\":{\"n\":1}}";
    return ("POST /api/v1/workflows/w6/execute HTTP/1.1\r\n"
            + "Host: 127.0.0.1:"
            + port
            + "\r\nX-API-Key: "
            + key
            + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
            + "Content-Length: "
            + body.length()
            + "\r\n\r\n"
            + body)
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Sends requests until {@code stop}, on one connection for as long as the server keeps it open
   * (it closes it after {@code server.tomcat.max-keep-alive-requests}; then a new one).
   */
  private static Void client(int port, byte[] request, AtomicBoolean stop, List<Sent> sent)
      throws IOException {
    while (!stop.get()) {
      try (Socket socket = new Socket()) {
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        OutputStream output = socket.getOutputStream();
        Response response = new Response(socket.getInputStream());
        while (!stop.get() && !response.closing) {
          Instant at = Instant.now();
          long t0 = System.nanoTime();
          output.write(request);
          output.flush();
          String body = response.read();
          long latency = System.nanoTime() - t0;
          if (response.status != 201) {
            throw new IllegalStateException("execute answered " + response.status + ": " + body);
          }
          long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
          sent.add(new Sent(runId(body), micros, latency));
        }
      }
    }
    return null;
  }

  private static String runId(String body) {
    int key = body.indexOf("\"id\"");
    int open = body.indexOf('"', body.indexOf(':', key) + 1);
    return body.substring(open + 1, body.indexOf('"', open + 1));
  }

  /** Reads HTTP/1.1 responses off one connection. */
  private static final class Response {
    private final InputStream in;
    private byte[] buffer = new byte[8192];
    private int start;
    private int end;
    int status;
    boolean closing;

    Response(InputStream in) {
      this.in = in;
    }

    /** The next response's body; its status in {@link #status}. */
    String read() throws IOException {
      int headerEnd;
      while ((headerEnd = indexOf(CRLF2)) < 0) {
        fill();
      }
      String head = new String(buffer, start, headerEnd - start, StandardCharsets.ISO_8859_1);
      start = headerEnd + CRLF2.length;
      status = Integer.parseInt(head.substring(9, 12));
      String lower = head.toLowerCase(Locale.ROOT);
      closing = lower.contains("\r\nconnection: close");
      int length = lower.indexOf("\r\ncontent-length:");
      if (length >= 0) {
        int from = length + "\r\ncontent-length:".length();
        int to = lower.indexOf("\r\n", from);
        return body(Integer.parseInt(lower.substring(from, to < 0 ? lower.length() : to).trim()));
      }
      if (!lower.contains("\r\ntransfer-encoding: chunked")) {
        throw new IOException("a response with neither Content-Length nor chunks: " + head);
      }
      StringBuilder body = new StringBuilder();
      while (true) {
        int lineEnd;
        while ((lineEnd = indexOf(CRLF2, 2)) < 0) {
          fill();
        }
        int size =
            Integer.parseInt(
                new String(buffer, start, lineEnd - start, StandardCharsets.ISO_8859_1).trim(), 16);
        start = lineEnd + 2;
        if (size == 0) {
          body(2); // the empty trailer's CRLF
          return body.toString();
        }
        body.append(body(size));
        body(2);
      }
    }

    private String body(int length) throws IOException {
      while (end - start < length) {
        fill();
      }
      String text = new String(buffer, start, length, StandardCharsets.UTF_8);
      start += length;
      return text;
    }

    /** Where the first {@code count} bytes of {@code pattern} begin in the unread bytes, or -1. */
    private int indexOf(byte[] pattern, int count) {
      outer:
      for (int i = start; i <= end - count; i++) {
        for (int j = 0; j < count; j++) {
          if (buffer[i + j] != pattern[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }

    private int indexOf(byte[] pattern) {
      return indexOf(pattern, pattern.length);
    }

    private void fill() throws IOException {
      if (start > 0) {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
      }
      if (end == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
      int n = in.read(buffer, end, buffer.length - end);
      if (n < 0) {
        throw new IOException("the server closed the connection");
      }
      end += n;
    }
  }

  /** The {@code p} quantile of {@code sorted} nanoseconds, in ms. */
  static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
