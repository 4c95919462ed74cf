package io.baton.bench;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepView;
import io.baton.engine.Baton;
import io.baton.engine.BatonBuilder;
import io.baton.engine.time.RandomIdGenerator;
import io.baton.engine.time.SystemTimeSource;
import io.baton.modules.ModuleHub;
import io.baton.modules.StandardModules;
import io.baton.modules.store.InMemoryModuleEntityStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * S0 seed-000 levels: the five conformance workflows of the seeds run one at a time on the real
 * coordination modules (module hub, in-memory stores), against the performance levels of seed 000 —
 * workflow execution P95 &lt; 500 ms, module response P95 &lt; 100 ms. Two figures per workflow:
 * the P95 of a run's duration (start to completion, as a caller sees it) and the P95 of its module
 * calls' durations (a module step's, or an iflow task's served by {@code core.execute-task}, from
 * its start to its end as the journal records them).
 */
final class SeedWorkflows implements Workload {
  static final String ID = "S0";
  static final List<String> FIXTURES =
      List.of(
          "mplp-sequential",
          "mplp-parallel",
          "mplp-conditional",
          "mplp-multi-agent-collaboration",
          "iflow-full-stack-development");
  private static final List<String> TASKS =
      List.of("analysis", "design", "development", "integration", "testing");

  /** Step types answered by a module: module steps, and iflow tasks (core.execute-task). */
  private static final java.util.Set<String> MODULE_CALLS = java.util.Set.of("module", "task");

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final int warmups;
  private final int runs;

  SeedWorkflows(int warmups, int runs) {
    this.warmups = warmups;
    this.runs = runs;
  }

  /** The standard size: 50 warm-up runs, then 300 measured runs per workflow. */
  static SeedWorkflows standard() {
    return new SeedWorkflows(50, 300);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "seed workflows on the modules";
  }

  @Override
  public void run(Reporter reporter) throws Exception {
    try (SystemTimeSource clock = new SystemTimeSource();
        Baton baton = engine(clock)) {
      for (String fixture : FIXTURES) {
        WorkflowDefinition flow = baton.loader().parse(text(fixture), fixture).orThrow();
        for (int i = 0; i < warmups; i++) {
          runOnce(baton, flow, fixture);
        }
        List<Double> workflowMs = new ArrayList<>();
        List<Double> moduleMs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          long t0 = System.nanoTime();
          RunView done = runOnce(baton, flow, fixture);
          workflowMs.add((System.nanoTime() - t0) / 1e6);
          for (StepView s : done.steps().values()) {
            if (MODULE_CALLS.contains(s.type()) && s.startedAt() != null && s.endedAt() != null) {
              moduleMs.add(Duration.between(s.startedAt(), s.endedAt()).toNanos() / 1e6);
            }
          }
        }
        Map<String, String> variant = Map.of("fixture", fixture, "runs", String.valueOf(runs));
        report(reporter, "workflow_p95_ms", p95(workflowMs), variant, 500);
        report(reporter, "module_p95_ms", p95(moduleMs), variant, 100);
      }
    }
  }

  /** One run of {@code flow} to its end; it must complete. */
  static RunView runOnce(Baton baton, WorkflowDefinition flow, String fixture) {
    RunView done = baton.start(flow, Map.of()).await(TIMEOUT);
    if (done.status() != RunStatus.COMPLETED) {
      throw new WrongResultException(
          ID, fixture + " to complete", done.status() + ": " + done.failure());
    }
    return done;
  }

  /** An engine with the ten modules on a hub, iflow tasks served by core.execute-task. */
  static Baton engine(SystemTimeSource clock) {
    ModuleHub hub =
        StandardModules.hub(new InMemoryModuleEntityStore(clock), clock, new RandomIdGenerator());
    BatonBuilder builder = hub.installInto(Baton.builder().clock(clock));
    TASKS.forEach(capability -> builder.task(capability, hub.taskHandler()));
    Baton baton = builder.build();
    hub.attach(baton);
    return baton;
  }

  /** A conformance workflow of the seeds, as shipped with this module. */
  static String text(String fixture) throws IOException {
    try (InputStream in =
        SeedWorkflows.class.getResourceAsStream("conformance/" + fixture + ".json")) {
      if (in == null) {
        throw new IOException("conformance fixture " + fixture + ".json is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void report(
      Reporter reporter, String metric, Stats stats, Map<String, String> variant, double target) {
    reporter.result(new Result(ID, "memory", metric, stats, "ms", variant));
    reporter.progress(
        "%s %s %s: P95 %s ms, seed 000 level < %.0f ms: %s",
        ID,
        variant.get("fixture"),
        metric,
        Result.format(stats.value()),
        target,
        stats.value() < target ? "met" : "NOT met");
  }

  /** The 95th percentile (nearest rank), with the spread. */
  static Stats p95(List<Double> samples) {
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(0.95 * sorted.size());
    return new Stats(
        sorted.get(Math.max(0, rank - 1)), sorted.getFirst(), sorted.getLast(), sorted.size());
  }
}
