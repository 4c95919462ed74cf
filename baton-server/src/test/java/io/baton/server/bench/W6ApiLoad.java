package io.baton.server.bench;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.spi.RunListener;
import io.baton.engine.Baton;
import io.baton.server.BatonServerApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Workload W6 of the benchmark specification: {@code POST /api/v1/workflows/{id}/execute} of a
 * 3-step workflow over HTTP on loopback, 64 concurrent clients for 30 s (after a warm-up of 10 s,
 * {@code -Dw6.warmup}), on the server's embedded default store (an H2 file in a fresh data
 * directory; {@code -Dw6.store=mem:} for the in-memory one). The server runs in this process, the
 * clients ({@link W6Clients}) in a second JVM, so that each process's CPU is its own: besides the
 * latencies, the server's CPU time and allocation per request (all its threads, from the first
 * request of a repetition to the completion of its last run), the clients' CPU per request and, on
 * H2, the chunks and bytes the database wrote per request. A program, not a test: prints one {@code
 * RESULT} line per figure — latencies and throughput the median of the measured repetitions, costs
 * over all of them.
 *
 * <pre>
 * ./mvnw -q -pl baton-server -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test -Dspotless.skip
 * java -cp baton-server/target/test-classes:baton-server/target/classes:$(cat baton-server/target/cp.txt) \
 *     io.baton.server.bench.W6ApiLoad   # -Dw6.seconds=30 -Dw6.reps=5 -Dw6.warmup=10 -Dw6.clients=64 -Dw6.store=mem:
 * </pre>
 */
public final class W6ApiLoad {
  private static final String KEY = "w6-benchmark-admin-key-0123456789";
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

  /**
   * One repetition's figures.
   *
   * @param requests the requests answered
   * @param requestsPerSecond over the repetition's wall time
   * @param p50 latency from send to the {@code 201}, ms
   * @param p95 likewise
   * @param p99 likewise
   * @param completion the 95th percentile from send to the run's {@code RunCompleted}, ms
   * @param serverCpuNanos the server process's CPU time
   * @param serverBytes the bytes the server process allocated
   * @param serverGcMillis the server's collectors' time
   * @param serverJitCpuNanos the CPU time of the server's JIT compiler threads, part of {@code
   *     serverCpuNanos} (high while the request path still compiles: then the repetition measured
   *     warm-up more than the server; 0 where Linux's per-thread accounting is missing)
   * @param clientCpuNanos the clients' process's CPU time
   * @param h2Chunks the chunks the H2 database wrote (about one per commit: concurrent commits
   *     share one), 0 on the other stores
   * @param h2Bytes the bytes the H2 database wrote, 0 on the other stores
   */
  record Figures(
      long requests,
      double requestsPerSecond,
      double p50,
      double p95,
      double p99,
      double completion,
      long serverCpuNanos,
      long serverBytes,
      long serverGcMillis,
      long serverJitCpuNanos,
      long clientCpuNanos,
      long h2Chunks,
      long h2Bytes) {}

  /**
   * Runs the benchmark and exits: with 0 when it ran, 1 when it failed (a library's non-daemon
   * thread, MCP's session sweeper, would keep the JVM alive after the server stopped).
   */
  public static void main(String[] args) {
    int status = 1;
    try {
      run();
      status = 0;
    } catch (Exception | Error e) {
      e.printStackTrace();
    } finally {
      System.exit(status);
    }
  }

  private static void run() throws Exception {
    int seconds = Integer.getInteger("w6.seconds", 30);
    int reps = Integer.getInteger("w6.reps", 5);
    int clients = Integer.getInteger("w6.clients", 64);
    int warmUp = Integer.getInteger("w6.warmup", 10);
    Path data = Files.createTempDirectory("baton-w6");
    String store = System.getProperty("w6.store", "");
    try (ConfigurableApplicationContext server = start(data, store)) {
      int port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      Completions completions = new Completions();
      server.getBean(Baton.class).addListener(completions);
      send(port, "POST", "/api/v1/workflows", FLOW, "application/yaml");
      Process load = clients(port, clients);
      try (var toClients = new PrintWriter(load.getOutputStream(), true, StandardCharsets.UTF_8);
          var fromClients =
              new BufferedReader(
                  new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8))) {
        Path ids = data.resolve("w6-ids.txt");
        var driver = new Driver(toClients, fromClients, ids, completions, h2Writes(server, store));
        driver.repetition(warmUp);
        List<Figures> runs = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
          runs.add(driver.repetition(seconds));
          System.err.println("W6 repetition " + (i + 1) + ": " + runs.getLast());
        }
        report(store, clients, seconds, runs);
      } finally {
        load.destroy();
      }
    }
  }

  private static void report(String store, int clients, int seconds, List<Figures> runs) {
    String label = store.isBlank() ? "h2" : store.startsWith("mem") ? "memory" : "postgres";
    String tags = " clients=" + clients + " seconds=" + seconds + " reps=" + runs.size();
    long requests = runs.stream().mapToLong(Figures::requests).sum();
    print(label, "requests_per_s", median(runs, Figures::requestsPerSecond), "req/s", tags);
    print(label, "p50_ms", median(runs, Figures::p50), "ms", tags);
    print(label, "p95_ms", median(runs, Figures::p95), "ms", tags);
    print(label, "p99_ms", median(runs, Figures::p99), "ms", tags);
    print(label, "p95_completion_ms", median(runs, Figures::completion), "ms", tags);
    double serverCpu = runs.stream().mapToLong(Figures::serverCpuNanos).sum() / 1e3 / requests;
    double bytes = (double) runs.stream().mapToLong(Figures::serverBytes).sum() / requests;
    double clientCpu = runs.stream().mapToLong(Figures::clientCpuNanos).sum() / 1e3 / requests;
    double jit = runs.stream().mapToLong(Figures::serverJitCpuNanos).sum() / 1e3 / requests;
    print(label, "server_cpu_us_per_request", serverCpu, "us", tags);
    print(label, "server_cpu_us_per_request_without_jit", serverCpu - jit, "us", tags);
    print(label, "server_alloc_bytes_per_request", bytes, "bytes", tags);
    print(label, "client_cpu_us_per_request", clientCpu, "us", tags);
    if (label.equals("h2")) {
      double chunks = (double) runs.stream().mapToLong(Figures::h2Chunks).sum() / requests;
      double written = (double) runs.stream().mapToLong(Figures::h2Bytes).sum() / requests;
      print(label, "h2_chunks_per_request", chunks, "chunks", tags);
      print(label, "h2_written_bytes_per_request", written, "bytes", tags);
    }
  }

  /** Starts {@link W6Clients} in a JVM of its own, on this one's class path. */
  private static Process clients(int port, int clients) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            W6Clients.class.getName(),
            Integer.toString(port),
            Integer.toString(clients),
            KEY)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  /** Runs repetitions in the clients' process and measures this one around them. */
  private record Driver(
      PrintWriter toClients,
      BufferedReader fromClients,
      Path ids,
      Completions completions,
      java.util.function.Supplier<long[]> h2Writes) {
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    Figures repetition(int seconds) throws IOException {
      System.gc();
      toClients.println("GO " + seconds + " " + ids);
      expect("BEGIN");
      long cpu0 = OS.getProcessCpuTime();
      long bytes0 = THREADS.getTotalThreadAllocatedBytes();
      long gc0 = gcMillis();
      long jit0 = jitCpuNanos();
      long[] h2Writes0 = h2Writes.get();
      String[] end = expect("END").split(" ");
      long[] done = completions.since(Files.readAllLines(ids));
      long cpu = OS.getProcessCpuTime() - cpu0;
      long bytes = THREADS.getTotalThreadAllocatedBytes() - bytes0;
      long[] h2Written = h2Writes.get();
      long requests = Long.parseLong(end[1]);
      return new Figures(
          requests,
          requests / Double.parseDouble(end[2]),
          Double.parseDouble(end[3]),
          Double.parseDouble(end[4]),
          Double.parseDouble(end[5]),
          W6Clients.pct(done, 0.95),
          cpu,
          bytes,
          gcMillis() - gc0,
          jitCpuNanos() - jit0,
          Long.parseLong(end[6]),
          h2Written[0] - h2Writes0[0],
          h2Written[1] - h2Writes0[1]);
    }

    private String expect(String word) throws IOException {
      String line = fromClients.readLine();
      if (line == null || !line.startsWith(word)) {
        throw new IllegalStateException("the clients' process said '" + line + "', not " + word);
      }
      return line;
    }

    /** CPU time of the JIT compiler threads, from Linux's per-thread accounting; 0 elsewhere. */
    private static long jitCpuNanos() {
      long ticks = 0;
      try (var tasks = Files.list(Path.of("/proc/self/task"))) {
        for (Path task : (Iterable<Path>) tasks::iterator) {
          try {
            String name = Files.readString(task.resolve("comm"));
            if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
              String stat = Files.readString(task.resolve("stat"));
              String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
              ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            }
          } catch (IOException ended) {
            // a compiler thread that stopped meanwhile
          }
        }
      } catch (IOException noProc) {
        return 0;
      }
      return ticks * 10_000_000L; // clock ticks of 10 ms
    }

    private static long gcMillis() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionTime)
          .sum();
    }
  }

  /**
   * The chunks and bytes the H2 database has written so far ({@code info.FILE_WRITE}, {@code
   * info.FILE_WRITE_BYTES}); zeros on the other stores. Every commit of a file database writes a
   * chunk of the MVStore — the server's rows, the journal's group commits, the bus's events — so
   * the chunks per request count commits with less noise than CPU time on a shared machine.
   */
  private static java.util.function.Supplier<long[]> h2Writes(
      ConfigurableApplicationContext server, String store) {
    if (!store.isBlank()) {
      return () -> new long[2];
    }
    var jdbc =
        org.springframework.jdbc.core.simple.JdbcClient.create(
            server.getBean("serverDataSource", javax.sql.DataSource.class));
    return () -> {
      Map<String, Long> info = new HashMap<>();
      jdbc.sql(
              "select setting_name, setting_value from information_schema.settings"
                  + " where setting_name in ('info.FILE_WRITE', 'info.FILE_WRITE_BYTES')")
          .query(
              rs -> {
                info.put(rs.getString(1), Long.parseLong(rs.getString(2)));
              });
      return new long[] {info.get("info.FILE_WRITE"), info.get("info.FILE_WRITE_BYTES")};
    };
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

  /** When each run completed (epoch µs), from the engine's journal events. */
  static final class Completions implements RunListener {
    private final Map<String, Long> completedAt = new ConcurrentHashMap<>();

    @Override
    public void onEvent(JournalEntry entry) {
      if (entry.event() instanceof RunEvent.RunCompleted) {
        Instant now = Instant.now();
        completedAt.put(entry.runId(), now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000);
      }
    }

    /**
     * The completion times (ns from the request) of the runs of {@code sent} ({@code <runId> <epoch
     * µs when sent>} lines), once all completed or after 30 s.
     */
    long[] since(List<String> sent) {
      Map<String, Long> sentAt = new HashMap<>();
      for (String line : sent) {
        int space = line.indexOf(' ');
        sentAt.put(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
      }
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!completedAt.keySet().containsAll(sentAt.keySet()) && System.nanoTime() < deadline) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      long[] done =
          sentAt.entrySet().stream()
              .filter(e -> completedAt.containsKey(e.getKey()))
              .mapToLong(e -> (completedAt.get(e.getKey()) - e.getValue()) * 1_000)
              .toArray();
      Arrays.sort(done);
      return done;
    }
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
