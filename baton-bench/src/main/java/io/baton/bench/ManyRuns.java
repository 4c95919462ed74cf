package io.baton.bench;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.Baton;
import io.baton.engine.config.EngineConfig;
import java.time.Duration;
import java.util.Map;

/**
 * W4 many runs: {@code runs} runs of a 3-step counting chain (see {@link Chains}) started by one
 * thread as fast as {@code Baton.start} returns; the figure is runs per second from the first start
 * to the last run's end (counted by a {@link CompletionLatch} listening to the engine). Each
 * repetition uses a fresh engine, so that the in-memory stores of earlier repetitions weigh
 * nothing. Measured in both handler modes ({@code mode=}).
 */
final class ManyRuns implements Workload {
  static final String ID = "W4";
  private static final int CHAIN = 3;
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private final int runs;
  private final Plan plan;

  ManyRuns(int runs, Plan plan) {
    this.runs = runs;
    this.plan = plan;
  }

  /** The workload of {@code BENCHMARKS.md}: 10,000 runs. */
  static ManyRuns standard() {
    return new ManyRuns(10_000, new Plan(10, 11));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "many runs";
  }

  @Override
  public void run(Reporter reporter) throws Exception {
    for (HandlerMode mode : HandlerMode.values()) {
      WorkflowDefinition chain = Chains.counting("w4-chain", CHAIN, mode);
      Measurement m =
          Repetitions.measure(
              ID + " mode=" + mode.key(), plan, () -> runsPerSecond(chain), reporter);
      Map<String, String> variant = Map.of("mode", mode.key());
      reporter.results(
          new Result(ID, "memory", "runs_per_s", m.figure(), "runs/s", variant), m, "run", runs);
    }
  }

  /**
   * Starts {@code runs} runs of {@code chain} on a fresh engine and returns runs per second to the
   * last end.
   */
  double runsPerSecond(WorkflowDefinition chain) throws InterruptedException {
    CompletionLatch latch = new CompletionLatch(runs, (long) CHAIN);
    try (Baton baton = BenchSteps.engine(EngineConfig.DEFAULTS, latch)) {
      baton.register(chain);
      long t0 = System.nanoTime();
      for (int i = 0; i < runs; i++) {
        baton.start(chain, Chains.INPUTS);
      }
      latch.await(ID, TIMEOUT);
      long elapsed = System.nanoTime() - t0;
      return runs / (elapsed / 1e9);
    }
  }
}
