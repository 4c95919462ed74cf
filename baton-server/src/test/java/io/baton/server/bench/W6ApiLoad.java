package io.baton.server.bench;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.spi.RunListener;
import io.baton.engine.Baton;
import io.baton.server.BatonServerApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Workload W6 of the benchmark specification: {@code POST /api/v1/workflows/{id}/execute} of a
 * 3-step workflow over HTTP on loopback, 64 concurrent clients (virtual threads, the JDK's HTTP
 * client, one connection each), for 30 s, on the server's embedded default store (an H2 file in a
 * fresh data directory; {@code -Dw6.store=mem:} for the in-memory one). A program, not a test:
 * prints one {@code RESULT} line per figure, each the median of the measured repetitions.
 *
 * <pre>
 * ./mvnw -q -pl baton-server -am test-compile -Dspotless.skip
 * ./mvnw -q -pl baton-server exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.baton.server.bench.W6ApiLoad [-Dw6.seconds=30 -Dw6.reps=5 -Dw6.clients=64]
 * </pre>
 */
public final class W6ApiLoad {
  private static final String KEY = "w6-benchmark-admin-key-0123456789";
  private static final Pattern RUN_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final String FLOW =
      """
      id: w6
      steps:
        - {id: a, type: transform, value: "${inputs.n}"}
        - {id: b, type: transform, dependsOn: [a], value: "${steps.a.output}"}
        - {id: c, type: transform, dependsOn: [b], value: "${steps.b.output}"}
      outputs:
        n: ${steps.c.output}
      """;

  private W6ApiLoad() {}

  /** One repetition's figures. */
  record Figures(double requestsPerSecond, double p50, double p95, double p99, double completion) {}

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("w6.seconds", 30);
    int reps = Integer.getInteger("w6.reps", 5);
    int clients = Integer.getInteger("w6.clients", 64);
    Path data = Files.createTempDirectory("baton-w6");
    String store = System.getProperty("w6.store", "");
    try (ConfigurableApplicationContext server = start(data, store)) {
      int port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      Completions completions = new Completions();
      server.getBean(Baton.class).addListener(completions);
      send(port, "POST", "/api/v1/workflows", FLOW, "application/yaml");
      measure(port, clients, Math.min(10, seconds), completions); // warm-up
      List<Figures> runs = new ArrayList<>();
      for (int i = 0; i < reps; i++) {
        System.gc();
        runs.add(measure(port, clients, seconds, completions));
        System.err.println("W6 repetition " + (i + 1) + ": " + runs.getLast());
      }
      String label = store.isBlank() ? "h2" : store.startsWith("mem") ? "memory" : "postgres";
      String tags = " clients=" + clients + " seconds=" + seconds + " reps=" + reps;
      print(label, "requests_per_s", median(runs, Figures::requestsPerSecond), "req/s", tags);
      print(label, "p50_ms", median(runs, Figures::p50), "ms", tags);
      print(label, "p95_ms", median(runs, Figures::p95), "ms", tags);
      print(label, "p99_ms", median(runs, Figures::p99), "ms", tags);
      print(label, "p95_completion_ms", median(runs, Figures::completion), "ms", tags);
    }
  }

  private static ConfigurableApplicationContext start(Path data, String store) {
    Map<String, Object> properties =
        Map.of(
            "server.port",
            0,
            "baton.data",
            data.toString(),
            "baton.store.location",
            store,
            "baton.bootstrap-key",
            KEY,
            "baton.security.requests-per-second",
            0,
            "logging.level.root",
            "WARN");
    return new SpringApplicationBuilder(BatonServerApplication.class)
        .run(
            properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  /** Runs {@code clients} loops of execute requests for {@code seconds}. */
  private static Figures measure(int port, int clients, int seconds, Completions completions)
      throws InterruptedException {
    List<long[]> latencies = new ArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    Map<String, Long> sent = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        long[] mine = new long[200_000];
        latencies.add(mine);
        pool.submit(() -> client(port, stop, mine, sent));
      }
      Thread.sleep(seconds * 1000L);
      stop.set(true);
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] all =
        latencies.stream().flatMapToLong(a -> Arrays.stream(a, 1, (int) a[0] + 1)).toArray();
    Arrays.sort(all);
    long[] done = completions.since(sent);
    Arrays.sort(done);
    return new Figures(
        all.length / elapsed, pct(all, 0.50), pct(all, 0.95), pct(all, 0.99), pct(done, 0.95));
  }

  /** One client: {@code mine[0]} counts the latencies (ns) it keeps from {@code mine[1]} on. */
  private static Void client(int port, AtomicBoolean stop, long[] mine, Map<String, Long> sent) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/workflows/w6/execute"))
            .header("X-API-Key", KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":{\"n\":1}}"))
            .build();
    int n = 0;
    while (!stop.get() && n < mine.length - 1) {
      long t0 = System.nanoTime();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      long t1 = System.nanoTime();
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "execute answered " + response.statusCode() + ": " + response.body());
      }
      Matcher id = RUN_ID.matcher(response.body());
      if (id.find()) {
        sent.put(id.group(1), t0);
      }
      mine[++n] = t1 - t0;
      mine[0] = n;
    }
    return null;
  }

  private static void send(int port, String method, String path, String body, String type)
      throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-API-Key", KEY)
                    .header("Content-Type", type)
                    .method(method, HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  /** When each run completed (nanoTime), from the engine's journal events. */
  static final class Completions implements RunListener {
    private final Map<String, Long> completedAt = new ConcurrentHashMap<>();

    @Override
    public void onEvent(JournalEntry entry) {
      if (entry.event() instanceof RunEvent.RunCompleted) {
        completedAt.put(entry.runId(), System.nanoTime());
      }
    }

    /** The completion times (ns from the request) of the runs of {@code sent} that completed. */
    long[] since(Map<String, Long> sent) {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!completedAt.keySet().containsAll(sent.keySet()) && System.nanoTime() < deadline) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return sent.entrySet().stream()
          .filter(e -> completedAt.containsKey(e.getKey()))
          .mapToLong(e -> completedAt.get(e.getKey()) - e.getValue())
          .toArray();
    }
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static double median(List<Figures> runs, java.util.function.ToDoubleFunction<Figures> f) {
    double[] values = runs.stream().mapToDouble(f).sorted().toArray();
    return values[values.length / 2];
  }

  private static void print(String store, String metric, double value, String unit, String tags) {
    System.out.printf(
        java.util.Locale.ROOT,
        "RESULT workload=W6 store=%s metric=%s value=%.2f unit=%s%s%n",
        store,
        metric,
        value,
        unit,
        tags);
  }
}
