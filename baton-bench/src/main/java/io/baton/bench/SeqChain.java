package io.baton.bench;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunView;
import io.baton.engine.Baton;
import io.baton.engine.config.EngineConfig;
import java.time.Duration;
import java.util.Map;

/**
 * W1 seq-chain: one run of a chain of {@code length} counting steps (see {@link Chains}); the
 * figure is the run's wall time, from {@code start} to the return of {@code await}, divided by its
 * steps. Measured with the handler inline on the decider and on a virtual thread (variant key
 * {@code mode=}). The in-memory journal is on.
 */
final class SeqChain implements Workload {
  static final String ID = "W1";
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private final int length;
  private final Plan plan;

  SeqChain(int length, Plan plan) {
    this.length = length;
    this.plan = plan;
  }

  /** The workload of {@code BENCHMARKS.md}: 1,000 steps. */
  static SeqChain standard() {
    return new SeqChain(1_000, new Plan(200, 25));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "seq-chain";
  }

  @Override
  public void run(Reporter reporter) throws Exception {
    for (HandlerMode mode : HandlerMode.values()) {
      WorkflowDefinition chain = Chains.counting("w1-chain-" + length, length, mode);
      Measurement m;
      try (Baton baton = BenchSteps.engine(EngineConfig.DEFAULTS, null)) {
        baton.register(chain);
        m =
            Repetitions.measure(
                ID + " mode=" + mode.key(), plan, () -> usPerStep(baton, chain), reporter);
      }
      Map<String, String> variant = Map.of("mode", mode.key());
      reporter.results(
          new Result(ID, "memory", "us_per_step", m.figure(), "us", variant), m, "step", length);
    }
  }

  private double usPerStep(Baton baton, WorkflowDefinition chain) {
    long t0 = System.nanoTime();
    RunView done = runOnce(baton, chain);
    long elapsed = System.nanoTime() - t0;
    WrongResultException.check(ID, done, (long) length);
    return elapsed / 1_000.0 / length;
  }

  /** Runs {@code chain} once to its end. */
  static RunView runOnce(Baton baton, WorkflowDefinition chain) {
    return baton.start(chain, Chains.INPUTS).await(TIMEOUT);
  }
}
