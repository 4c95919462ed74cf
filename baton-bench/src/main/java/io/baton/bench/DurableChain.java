package io.baton.bench;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.Baton;
import io.baton.engine.config.EngineConfig;
import java.util.Map;

/**
 * W3 durable chain: W1's chain of {@code length} counting steps, with every transition journaled
 * synchronously in a durable store (H2 file, PostgreSQL); the figure is a run's wall time from
 * {@code start} to the return of {@code await}, divided by its steps. Both handler modes.
 */
final class DurableChain implements Workload {
  static final String ID = "W3";
  private final int length;
  private final Plan plan;

  DurableChain(int length, Plan plan) {
    this.length = length;
    this.plan = plan;
  }

  /** The workload of {@code BENCHMARKS.md}: 1,000 steps, 2 warm-up runs and 5 measured. */
  static DurableChain standard() {
    return new DurableChain(1_000, new Plan(2, 5));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "durable chain";
  }

  @Override
  public void run(Reporter reporter) throws Exception {
    for (BenchStore.Kind kind : BenchStore.Kind.selected()) {
      try (BenchStore store = BenchStore.open(kind)) {
        for (HandlerMode mode : HandlerMode.values()) {
          measure(reporter, kind, store, mode);
        }
      } catch (BenchStore.StoreMissingException e) {
        reporter.progress("%s store=%s skipped: %s", ID, kind.key(), e.getMessage());
      }
    }
  }

  private void measure(Reporter reporter, BenchStore.Kind kind, BenchStore store, HandlerMode mode)
      throws Exception {
    WorkflowDefinition chain = Chains.counting("w3-chain-" + length, length, mode);
    Measurement m;
    try (Baton baton = BenchSteps.engine(EngineConfig.DEFAULTS, null, store.backend())) {
      baton.register(chain);
      String label = ID + " store=" + kind.key() + " mode=" + mode.key();
      m = Repetitions.measure(label, plan, () -> usPerStep(baton, chain), reporter);
    }
    Result figure =
        new Result(ID, kind.key(), "us_per_step", m.figure(), "us", Map.of("mode", mode.key()));
    reporter.results(figure, m, "step", length);
  }

  private double usPerStep(Baton baton, WorkflowDefinition chain) {
    long t0 = System.nanoTime();
    var done = SeqChain.runOnce(baton, chain);
    long elapsed = System.nanoTime() - t0;
    WrongResultException.check(ID, done, (long) length);
    return elapsed / 1_000.0 / length;
  }
}
