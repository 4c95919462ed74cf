package io.baton.bench;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.engine.Baton;
import io.baton.engine.BatonBuilder;
import io.baton.engine.config.SnapshotPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * D1 long loop: one run of a loop of {@code iterations} tool calls, in memory, without snapshots
 * and with a snapshot every {@code every} events that compacts the journal (variant key {@code
 * snapshots=}); the figure is the run's wall time per iteration. What compaction costs a long run,
 * and what the loop itself costs as it grows.
 */
final class LongLoop implements Workload {
  static final String ID = "D1";
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private final int iterations;
  private final int every;
  private final Plan plan;

  LongLoop(int iterations, int every, Plan plan) {
    this.iterations = iterations;
    this.every = every;
    this.plan = plan;
  }

  /** 5,000 iterations; a snapshot every 500 events. */
  static LongLoop standard() {
    return new LongLoop(5_000, 500, new Plan(2, 5));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "long loop";
  }

  @Override
  public void run(Reporter reporter) throws Exception {
    for (boolean compact : new boolean[] {false, true}) {
      SnapshotPolicy policy =
          compact ? new SnapshotPolicy(every, false, Set.of(), true, 2) : SnapshotPolicy.NONE;
      String key = compact ? "every-" + every + "-compact" : "none";
      Measurement m;
      try (Baton baton = engine(policy)) {
        WorkflowDefinition loop =
            baton
                .loader()
                .parse(
                    """
                    id: d1-loop
                    version: 1.0.0
                    steps:
                      - id: rounds
                        type: loop
                        while: iteration < %d
                        maxIterations: 1000000
                        steps:
                          - {id: inc, type: tool, tool: %s, input: {n: "${iteration}"}}
                    outputs: ${steps.rounds.output.iterations}
                    """
                        .formatted(iterations, BenchSteps.INCREMENT_TOOL),
                    "d1-loop.yaml")
                .orThrow();
        m =
            Repetitions.measure(
                ID + " snapshots=" + key, plan, () -> usPerIteration(baton, loop), reporter);
      }
      Map<String, String> variant = Map.of("snapshots", key);
      Result figure = new Result(ID, "memory", "us_per_iteration", m.figure(), "us", variant);
      reporter.results(figure, m, "iteration", iterations);
    }
  }

  private static Baton engine(SnapshotPolicy policy) {
    BatonBuilder b =
        Baton.builder()
            .snapshots(policy)
            .tool(
                BenchSteps.INCREMENT_TOOL,
                "adds one to n",
                (args, ctx) -> BenchSteps.increment(ctx));
    return b.build();
  }

  private double usPerIteration(Baton baton, WorkflowDefinition loop) {
    long t0 = System.nanoTime();
    RunView done = baton.start(loop, Map.of()).await(TIMEOUT);
    long elapsed = System.nanoTime() - t0;
    if (done.status() != RunStatus.COMPLETED
        || !(done.outputs() instanceof Number n)
        || n.longValue() != iterations) {
      throw new WrongResultException(
          ID,
          "run " + done.runId() + " to complete " + iterations + " iterations",
          done.status() + " with " + done.outputs());
    }
    return elapsed / 1_000.0 / iterations;
  }
}
