package io.baton.bench;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.Baton;
import io.baton.engine.config.EngineConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * W4 many runs on a durable store: {@code runs} runs of the 3-step counting chain, started by
 * {@code starters} virtual threads as fast as {@code Baton.start} returns (a durable start waits
 * for its run's record to be committed, so one starting thread would measure one commit's latency;
 * concurrent starts share commits, as a server's request threads do). The figure is runs per second
 * from the first start to the last run's end. Each repetition uses a fresh engine on emptied
 * tables.
 */
final class DurableManyRuns implements Workload {
  static final String ID = "W4";
  private static final int CHAIN = 3;
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private final int runs;
  private final int starters;
  private final Plan plan;

  DurableManyRuns(int runs, int starters, Plan plan) {
    this.runs = runs;
    this.starters = starters;
    this.plan = plan;
  }

  /** 10,000 runs started by 64 threads; 1 warm-up repetition, 5 measured. */
  static DurableManyRuns standard() {
    return new DurableManyRuns(10_000, 64, new Plan(1, 5));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "many runs, durable";
  }

  @Override
  public void run(Reporter reporter) throws Exception {
    for (BenchStore.Kind kind : BenchStore.Kind.selected()) {
      try (BenchStore store = BenchStore.open(kind)) {
        for (HandlerMode mode : HandlerMode.values()) {
          WorkflowDefinition chain = Chains.counting("w4-chain", CHAIN, mode);
          String label = ID + " store=" + kind.key() + " mode=" + mode.key();
          Measurement m =
              Repetitions.measure(label, plan, () -> runsPerSecond(store, chain), reporter);
          Map<String, String> variant =
              Map.of("mode", mode.key(), "starters", String.valueOf(starters));
          reporter.results(
              new Result(ID, kind.key(), "runs_per_s", m.figure(), "runs/s", variant),
              m,
              "run",
              runs);
        }
      } catch (BenchStore.StoreMissingException e) {
        reporter.progress("%s store=%s skipped: %s", ID, kind.key(), e.getMessage());
      }
    }
  }

  /** Starts the runs on a fresh engine over the emptied store; returns runs per second. */
  double runsPerSecond(BenchStore store, WorkflowDefinition chain) throws Exception {
    store.empty();
    CompletionLatch latch = new CompletionLatch(runs, (long) CHAIN);
    try (Baton baton = BenchSteps.engine(EngineConfig.DEFAULTS, latch, store.backend());
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      baton.register(chain);
      long t0 = System.nanoTime();
      List<Future<?>> started = new ArrayList<>();
      for (int s = 0; s < starters; s++) {
        int share = runs / starters + (s < runs % starters ? 1 : 0);
        started.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < share; i++) {
                    baton.start(chain, Chains.INPUTS);
                  }
                }));
      }
      for (Future<?> f : started) {
        f.get();
      }
      latch.await(ID, TIMEOUT);
      return runs / ((System.nanoTime() - t0) / 1e9);
    }
  }
}
