package io.baton.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs the benchmark workloads of {@code BENCHMARKS.md} and prints one {@code RESULT} line per
 * figure on standard output (progress on standard error).
 *
 * <pre>{@code
 * java -cp … io.baton.bench.BenchMain W1 W2 W3 W4     # or: all
 * int status = BenchMain.run(List.of("all"), System.out);   // what `baton bench` calls
 * }</pre>
 */
public final class BenchMain {
  private static final Map<String, Supplier<Workload>> WORKLOADS = new LinkedHashMap<>();

  static {
    WORKLOADS.put(SeqChain.ID, SeqChain::standard);
    WORKLOADS.put(FanOut.ID, FanOut::standard);
    WORKLOADS.put(DurableChain.ID, DurableChain::standard);
    WORKLOADS.put(
        ManyRuns.ID, () -> Workload.sequence(ManyRuns.standard(), DurableManyRuns.standard()));
    WORKLOADS.put(SuspendedRuns.ID, SuspendedRuns::standard);
    WORKLOADS.put(Failover.ID, Failover::standard);
    WORKLOADS.put(SeedWorkflows.ID, SeedWorkflows::standard);
    WORKLOADS.put(AgentCalls.ID, AgentCalls::standard);
    WORKLOADS.put(LongLoop.ID, LongLoop::standard);
  }

  /** Workloads of {@code BENCHMARKS.md} that this module does not run yet. */
  private static final Set<String> NOT_YET = Set.of("W6", "W8");

  private BenchMain() {}

  /**
   * Runs the workloads named in {@code args} ({@code W1 W2 W4} or {@code all}) and exits with their
   * status.
   */
  public static void main(String[] args) {
    int status = run(List.of(args), System.out);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs {@code workloads}, printing results to {@code out} and progress to standard error.
   *
   * @param workloads workload ids ({@code W1}, case-insensitive) or {@code all}
   * @return 0 when every workload ran and checked its results, 1 when one failed, 2 when the ids
   *     are wrong
   */
  public static int run(List<String> workloads, PrintStream out) {
    return run(workloads, out, System.err);
  }

  /**
   * Runs the workloads {@code ids}, results to {@code out}, progress and errors to {@code err}.
   *
   * @return 0 when all ran and computed the right results, 1 when one did not, 2 for an unknown
   *     workload
   */
  public static int run(List<String> ids, PrintStream out, PrintStream err) {
    List<String> selected = new ArrayList<>();
    for (String id : ids) {
      String upper = id.toUpperCase(Locale.ROOT);
      if (upper.equals("ALL")) {
        WORKLOADS.keySet().stream().filter(k -> !selected.contains(k)).forEach(selected::add);
      } else if (WORKLOADS.containsKey(upper)) {
        if (!selected.contains(upper)) {
          selected.add(upper);
        }
      } else {
        err.println(unknown(id, upper));
        return 2;
      }
    }
    if (selected.isEmpty()) {
      err.println("no workload given; " + known());
      return 2;
    }
    Reporter reporter = new Reporter(out, err);
    reporter.progress("%s", machine());
    int status = 0;
    for (String id : selected) {
      status = Math.max(status, runOne(WORKLOADS.get(id).get(), reporter, err));
    }
    return status;
  }

  private static int runOne(Workload workload, Reporter reporter, PrintStream err) {
    reporter.progress("%s %s: start", workload.id(), workload.title());
    long t0 = System.nanoTime();
    try {
      workload.run(reporter);
      reporter.progress("%s done in %.1f s", workload.id(), (System.nanoTime() - t0) / 1e9);
      return 0;
    } catch (Exception | Error e) {
      err.println("FAILED workload=" + workload.id() + ": " + e);
      e.printStackTrace(err);
      return 1;
    }
  }

  /** What the figures depend on: the JDK, its flags, the processors and how busy they are. */
  private static String machine() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    var jvm = java.lang.management.ManagementFactory.getRuntimeMXBean();
    return String.format(
        Locale.ROOT,
        "java %s (%s), flags %s, %d processors, load average %.2f, max heap %d MiB",
        Runtime.version(),
        System.getProperty("java.vm.name"),
        jvm.getInputArguments(),
        os.getAvailableProcessors(),
        os.getSystemLoadAverage(),
        Runtime.getRuntime().maxMemory() >> 20);
  }

  private static String unknown(String id, String upper) {
    if (NOT_YET.contains(upper)) {
      return "workload "
          + upper
          + " of BENCHMARKS.md is not implemented in baton-bench yet; "
          + known();
    }
    return "unknown workload '" + id + "'; " + known();
  }

  private static String known() {
    return "known workloads: " + String.join(", ", WORKLOADS.keySet()) + " (or all)";
  }
}
