package io.baton.bench;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunView;
import io.baton.engine.Baton;
import io.baton.engine.config.EngineConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * W2 fan-out: {@code start} → {@code n} branches each waiting 20 ms without holding a carrier
 * thread (the handler sleeps on its virtual thread, which parks) and returning one value → a join
 * summing them. The figure is the run's wall time in milliseconds (ideal ≈ 20 ms). Measured in each
 * {@link FanOutShape} (key {@code form=}).
 *
 * <p>The engine's default {@code max_concurrent_tasks} is 256, which would run 1,000 branches in
 * four waves (≥ 80 ms); this workload raises it to {@link #MAX_CONCURRENT_TASKS} so that all
 * branches wait at once.
 */
final class FanOut implements Workload {
  static final String ID = "W2";

  /** The engine-wide limit of running steps set for this workload. */
  static final int MAX_CONCURRENT_TASKS = 2_000;

  /** Far above the ideal 20 ms: a run still going after this is stuck, not slow. */
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final int branches;
  private final Plan plan;
  private final List<FanOutShape> shapes;

  FanOut(int branches, Plan plan, List<FanOutShape> shapes) {
    this.branches = branches;
    this.plan = plan;
    this.shapes = shapes;
  }

  /** The workload of {@code BENCHMARKS.md}: 1,000 branches, in every shape. */
  static FanOut standard() {
    return new FanOut(1_000, new Plan(100, 21), List.of(FanOutShape.values()));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "fan-out";
  }

  @Override
  public void run(Reporter reporter) throws Exception {
    List<String> failed = new ArrayList<>();
    for (FanOutShape shape : shapes) {
      try {
        Measurement m = measure(shape, reporter);
        Result wall = new Result(ID, "memory", "wall_ms", m.figure(), "ms", variant(shape));
        reporter.results(wall, m, "branch", branches);
      } catch (RuntimeException e) {
        // One broken form must not hide the figures of the others.
        reporter.failure(ID + " form=" + shape.key(), e);
        failed.add(shape.key());
      }
    }
    if (!failed.isEmpty()) {
      throw new WrongResultException(
          ID, "every form to complete", "forms " + failed + " that did not");
    }
  }

  private Measurement measure(FanOutShape shape, Reporter reporter) throws Exception {
    EngineConfig config = EngineConfig.DEFAULTS.withMaxConcurrentTasks(MAX_CONCURRENT_TASKS);
    WorkflowDefinition flow = shape.definition(branches);
    try (Baton baton = BenchSteps.engine(config, null)) {
      baton.register(flow);
      return Repetitions.measure(
          ID + " form=" + shape.key(), plan, () -> wallMs(baton, flow), reporter);
    }
  }

  private Map<String, String> variant(FanOutShape shape) {
    Map<String, String> variant = new LinkedHashMap<>();
    variant.put("form", shape.key());
    variant.put("branches", String.valueOf(branches));
    variant.put("max_concurrent_tasks", String.valueOf(MAX_CONCURRENT_TASKS));
    return variant;
  }

  private double wallMs(Baton baton, WorkflowDefinition flow) {
    long t0 = System.nanoTime();
    RunView done = runOnce(baton, flow, branches);
    long elapsed = System.nanoTime() - t0;
    WrongResultException.check(ID, done, FanOutShape.expectedSum(branches));
    return elapsed / 1e6;
  }

  /** Runs {@code flow} (of {@code branches} branches) once to its end. */
  static RunView runOnce(Baton baton, WorkflowDefinition flow, int branches) {
    return baton.start(flow, FanOutShape.inputs(branches)).await(TIMEOUT);
  }
}
