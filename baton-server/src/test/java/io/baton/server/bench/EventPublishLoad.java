package io.baton.server.bench;

import io.baton.server.BatonServerApplication;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Seed 000's "event processing under 10 ms on average", measured through the event outbox: one
 * client publishes events with {@code POST /api/v1/events}, one after the other, on the server's
 * embedded default store (an H2 file in a fresh data directory). Two cases: events nothing reacts
 * to but the wait index ({@code plain}), and events a trigger turns into a run of a one-step
 * workflow ({@code triggered}, the run started before the answer). A program, not a test: prints
 * {@code RESULT} lines with the mean and P95 latency, and the JVM's CPU time and heap allocation
 * per event (client included: both run in this process).
 *
 * <pre>
 * java -cp baton-server/target/test-classes:baton-server/target/classes:$(cat baton-server/target/cp.txt) \
 *     io.baton.server.bench.EventPublishLoad   # -Devents.count=2000 -Devents.warmup=500
 * </pre>
 */
public final class EventPublishLoad {
  private static final String KEY = "events-benchmark-admin-key-0123456789";
  private static final String FLOW =
      """
      id: on-order
      steps:
        - {id: note, type: transform, value: "${inputs.event.data.n}"}
      """;

  private EventPublishLoad() {}

  public static void main(String[] args) throws Exception {
    int count = Integer.getInteger("events.count", 2000);
    int warmup = Integer.getInteger("events.warmup", 500);
    Path data = Files.createTempDirectory("baton-events");
    Map<String, Object> properties =
        Map.of(
            "server.port",
            0,
            "baton.data",
            data.toString(),
            "baton.bootstrap-key",
            KEY,
            "baton.security.requests-per-second",
            0,
            "logging.level.root",
            "WARN");
    try (ConfigurableApplicationContext server =
        new SpringApplicationBuilder(BatonServerApplication.class)
            .run(
                properties.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new))) {
      int port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      send(http, port, "/api/v1/workflows", FLOW, "application/yaml");
      send(
          http,
          port,
          "/api/v1/events/triggers",
          "{\"id\":\"t\",\"workflowId\":\"on-order\",\"type\":\"order.placed\"}",
          "application/json");
      for (String type : new String[] {"order.seen", "order.placed"}) {
        String label = type.equals("order.seen") ? "plain" : "triggered";
        publish(http, port, type, warmup);
        System.gc();
        long cpu = processCpuNanos();
        long allocated = allocatedBytes();
        long[] latencies = publish(http, port, type, count);
        double cpuUs = (processCpuNanos() - cpu) / 1e3 / count;
        double allocKb = (allocatedBytes() - allocated) / 1024.0 / count;
        Arrays.sort(latencies);
        double mean = Arrays.stream(latencies).average().orElse(0) / 1e6;
        String tags = " case=" + label + " events=" + count;
        print("mean_ms", mean, "ms", tags);
        print("p95_ms", latencies[(int) (latencies.length * 0.95)] / 1e6, "ms", tags);
        print("cpu_us_per_event", cpuUs, "us", tags);
        print("alloc_kb_per_event", allocKb, "KiB", tags);
      }
    }
    // the MCP transport's session sweeper is not a daemon thread and outlives the closed server
    System.exit(0);
  }

  private static long[] publish(HttpClient http, int port, String type, int n) throws Exception {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      String body = "{\"type\":\"" + type + "\",\"data\":{\"n\":" + i + "}}";
      long start = System.nanoTime();
      send(http, port, "/api/v1/events", body, "application/json");
      out[i] = System.nanoTime() - start;
    }
    return out;
  }

  private static void send(HttpClient http, int port, String path, String body, String type)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-API-Key", KEY)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          path + " → " + response.statusCode() + ": " + response.body());
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Bytes allocated so far by the platform threads alive now (threads that ended, and virtual
   * threads, are not counted: a lower bound).
   */
  private static long allocatedBytes() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds()))
        .filter(b -> b > 0)
        .sum();
  }

  private static void print(String metric, double value, String unit, String tags) {
    System.out.printf(
        "RESULT workload=events store=h2 metric=%s value=%.2f unit=%s%s%n",
        metric, value, unit, tags);
  }
}
