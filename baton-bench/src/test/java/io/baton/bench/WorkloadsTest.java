package io.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.engine.Baton;
import io.baton.engine.config.EngineConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each workload at a tiny size computes what its semantics say. Timings are never asserted. */
@Timeout(120)
class WorkloadsTest {
  private static final Plan TINY = new Plan(0, 1);

  @ParameterizedTest
  @EnumSource(HandlerMode.class)
  void aChainCountsItsSteps(HandlerMode mode) {
    try (Baton baton = BenchSteps.engine(EngineConfig.DEFAULTS, null)) {
      RunView done = SeqChain.runOnce(baton, Chains.counting("t", 20, mode));

      assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(done.outputs()).isEqualTo(20L);
      assertThat(done.steps()).hasSize(20);
    }
  }

  @ParameterizedTest
  @EnumSource(FanOutShape.class)
  void aFanOutSumsItsBranches(FanOutShape shape) {
    EngineConfig config = EngineConfig.DEFAULTS.withMaxConcurrentTasks(FanOut.MAX_CONCURRENT_TASKS);
    try (Baton baton = BenchSteps.engine(config, null)) {
      RunView done = FanOut.runOnce(baton, shape.definition(20), 20);

      assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(done.outputs()).isEqualTo(210L);
    }
  }

  @ParameterizedTest
  @EnumSource(HandlerMode.class)
  void manyRunsAllComplete(HandlerMode mode) throws Exception {
    double runsPerSecond = new ManyRuns(50, TINY).runsPerSecond(Chains.counting("t", 3, mode));

    assertThat(runsPerSecond).isPositive();
  }

  @Test
  void theSeedWorkflowsCompleteOnTheModulesAndReportTheirP95s() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new SeedWorkflows(0, 2).run(reporter(out));

    String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    for (String fixture : SeedWorkflows.FIXTURES) {
      assertThat(printed)
          .contains("RESULT workload=S0 store=memory metric=workflow_p95_ms")
          .contains("metric=module_p95_ms")
          .contains("fixture=" + fixture);
    }
    assertThat(
            SeedWorkflows.p95(
                    java.util.stream.IntStream.rangeClosed(1, 100)
                        .mapToObj(i -> (double) i)
                        .toList())
                .value())
        .isEqualTo(95.0);
  }

  @Test
  void eachVariantPrintsItsFigureThenItsCosts() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Reporter reporter = reporter(out);

    new SeqChain(20, 2, TINY).run(reporter);
    new ManyRuns(50, TINY).run(reporter);

    assertThat(lines(out))
        .allMatch(
            l ->
                l.matches(
                    "RESULT workload=W[14] store=memory metric=\\w+ value=[0-9.]+ unit=\\S+"
                        + " mode=(inline|virtual_thread)"))
        .extracting(
            l -> l.replaceAll(".*workload=(\\w+).* metric=(\\w+) .* mode=(\\w+)", "$1 $2 $3"))
        .containsExactly(
            "W1 us_per_step inline",
            "W1 cpu_us_per_step inline",
            "W1 alloc_bytes_per_step inline",
            "W1 us_per_step virtual_thread",
            "W1 cpu_us_per_step virtual_thread",
            "W1 alloc_bytes_per_step virtual_thread",
            "W4 runs_per_s inline",
            "W4 cpu_us_per_run inline",
            "W4 alloc_bytes_per_run inline",
            "W4 runs_per_s virtual_thread",
            "W4 cpu_us_per_run virtual_thread",
            "W4 alloc_bytes_per_run virtual_thread");
  }

  @Test
  void aLongLoopRunsWithAndWithoutCompaction() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new LongLoop(60, 50, TINY).run(reporter(out));

    assertThat(lines(out))
        .extracting(
            l -> l.replaceAll(".*workload=(\\w+).* metric=(\\w+) .* snapshots=(\\S+)", "$1 $2 $3"))
        .contains("D1 us_per_iteration none", "D1 us_per_iteration every-50-compact");
  }

  @Test
  void aFanOutResultNamesItsForm() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new FanOut(20, TINY, List.of(FanOutShape.SIBLINGS)).run(reporter(out));

    assertThat(lines(out).getFirst())
        .matches(
            "RESULT workload=W2 store=memory metric=wall_ms value=[0-9.]+ unit=ms"
                + " form=siblings branches=20 max_concurrent_tasks=2000");
    assertThat(lines(out)).hasSize(3);
  }

  @Test
  void agentStepsAllAnswerFromTheLocalModelServerAndW7PrintsItsFigures() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new AgentCalls(20, 5, TINY).run(reporter(out));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("RESULT workload=W7 store=memory metric=wall_ms")
        .contains("metric=overhead_us_per_call");
  }

  @Test
  void unknownWorkloadsAreRefusedNamingTheKnownOnes() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        BenchMain.run(
            List.of("W1", "W42"), new PrintStream(new ByteArrayOutputStream()), print(err));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown workload 'W42'")
        .contains("W1, W2, W3, W4, W5");
  }

  @Test
  void figuresAreMediansAndCostsAreMeans() {
    assertThat(Stats.median(List.of(5.0, 1.0, 3.0))).isEqualTo(new Stats(3.0, 1.0, 5.0, 3));
    assertThat(Stats.median(List.of(4.0, 1.0, 2.0, 3.0)).value()).isEqualTo(2.5);
    assertThat(Stats.mean(List.of(4.0, 1.0, 1.0)).value()).isEqualTo(2.0);
  }

  private static Reporter reporter(ByteArrayOutputStream out) {
    return new Reporter(print(out), print(new ByteArrayOutputStream()));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static List<String> lines(ByteArrayOutputStream out) {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
