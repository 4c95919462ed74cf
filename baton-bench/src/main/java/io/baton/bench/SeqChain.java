package io.baton.bench;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunView;
import io.baton.engine.Baton;
import io.baton.engine.config.EngineConfig;
import java.time.Duration;
import java.util.Map;

/**
 * W1 seq-chain: runs of a chain of {@code length} counting steps (see {@link Chains}), one after
 * the other; the figure is a run's wall time, from {@code start} to the return of {@code await},
 * divided by its steps. Measured with the handler inline on the decider and on a virtual thread
 * (variant key {@code mode=}). The in-memory journal is on.
 */
final class SeqChain implements Workload {
  static final String ID = "W1";
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private final int length;
  private final int runsPerRepetition;
  private final Plan plan;

  /**
   * @param length the chain's steps
   * @param runsPerRepetition runs, one after the other, that one repetition averages (a single run
   *     of 1,000 inline steps lasts a few milliseconds: too short to time alone on a busy machine)
   * @param plan the repetitions
   */
  SeqChain(int length, int runsPerRepetition, Plan plan) {
    this.length = length;
    this.runsPerRepetition = runsPerRepetition;
    this.plan = plan;
  }

  /** The workload of {@code BENCHMARKS.md}: 1,000 steps; 10 runs a repetition. */
  static SeqChain standard() {
    return new SeqChain(1_000, 10, new Plan(20, 25));
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
      Result figure = new Result(ID, "memory", "us_per_step", m.figure(), "us", variant);
      reporter.results(figure, m, "step", (double) length * runsPerRepetition);
    }
  }

  /** Runs the chain {@code runsPerRepetition} times; returns the mean wall time per step. */
  private double usPerStep(Baton baton, WorkflowDefinition chain) {
    long elapsed = 0;
    for (int i = 0; i < runsPerRepetition; i++) {
      long t0 = System.nanoTime();
      RunView done = runOnce(baton, chain);
      elapsed += System.nanoTime() - t0;
      WrongResultException.check(ID, done, (long) length);
    }
    return elapsed / 1_000.0 / length / runsPerRepetition;
  }

  /** Runs {@code chain} once to its end. */
  static RunView runOnce(Baton baton, WorkflowDefinition chain) {
    return baton.start(chain, Chains.INPUTS).await(TIMEOUT);
  }
}
