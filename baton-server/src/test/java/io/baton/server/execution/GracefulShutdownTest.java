package io.baton.server.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.api.spi.Tool;
import io.baton.server.engine.StepDrain;
import io.baton.server.support.Api;
import io.baton.server.support.RunningServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Stopping the server while a step's handler runs, on the embedded H2 store: within the grace
 * period the step finishes and its result is journaled before the store closes; past it, the step
 * is cut off and runs again on the next start over the same data directory, with the same
 * idempotency key, so a handler that records its side effects by key does them once.
 */
class GracefulShutdownTest {
  private static final String FLOW =
      """
      id: slow-flow
      steps:
        - {id: work, type: tool, tool: slow, input: {job: 7}}
        - {id: after, type: tool, tool: echo, dependsOn: [work], input: {done: "${steps.work.output.job}"}}
      outputs:
        done: ${steps.after.output.done}
      """;

  /** What the {@code slow} tool saw: every invocation's key, and the side effects done by key. */
  static final List<String> INVOCATIONS = new CopyOnWriteArrayList<>();

  static final Set<String> EFFECTS = ConcurrentHashMap.newKeySet();
  static volatile CountDownLatch started = new CountDownLatch(1);
  static volatile CountDownLatch release = new CountDownLatch(1);

  /** A tool that blocks until the test releases it, then does its side effect once per key. */
  @TestConfiguration(proxyBeanMethods = false)
  static class SlowTool {
    @Bean
    Tool slow() {
      return Tool.of(
          "slow",
          "Blocks until released",
          Map.of(),
          (args, ctx) -> {
            INVOCATIONS.add(ctx.idempotencyKey());
            started.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted", e);
            }
            EFFECTS.add(ctx.idempotencyKey());
            return args;
          });
    }
  }

  @TempDir Path data;

  private RunningServer start(String grace) {
    return RunningServer.start(
        Map.of("baton.data", data.toString(), "baton.shutdown.step-grace", grace), SlowTool.class);
  }

  private void reset() {
    INVOCATIONS.clear();
    EFFECTS.clear();
    started = new CountDownLatch(1);
    release = new CountDownLatch(1);
  }

  @Test
  void aRunningStepFinishesWithinTheGracePeriodAndIsNotRunAgain() throws Exception {
    reset();
    String runId;
    RunningServer first = start("60s");
    Api api = first.admin();
    api.postText("/api/v1/workflows", FLOW, "application/yaml");
    runId = api.post("/api/v1/workflows/slow-flow/execute", Map.of()).json().get("id").asString();
    started.await();
    StepDrain drain = first.bean(StepDrain.class);
    assertThat(drain.running()).isEqualTo(1);
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(first::close);
    await().atMost(Duration.ofSeconds(30)).until(drain::draining);
    assertThat(stopping).isNotDone();
    release.countDown();
    stopping.get();

    try (RunningServer second = start("60s")) {
      Api again = second.admin();
      assertThat(again.awaitStatus(runId, "COMPLETED").get("outputs").get("done").asInt())
          .isEqualTo(7);
    }
    assertThat(INVOCATIONS).hasSize(1);
    assertThat(EFFECTS).hasSize(1);
  }

  @Test
  void aStepCutOffAfterTheGracePeriodRunsAgainWithTheSameIdempotencyKey() throws Exception {
    reset();
    String runId;
    RunningServer first = start("1ms");
    Api api = first.admin();
    api.postText("/api/v1/workflows", FLOW, "application/yaml");
    runId = api.post("/api/v1/workflows/slow-flow/execute", Map.of()).json().get("id").asString();
    started.await();
    first.close(); // the step is still blocked: cut off, its result never journaled
    CountDownLatch cutOff = release;
    release = new CountDownLatch(0); // the next start's attempt runs through
    cutOff.countDown(); // the old handler finishes into a closed store

    try (RunningServer second = start("60s")) {
      Api again = second.admin();
      assertThat(again.awaitStatus(runId, "COMPLETED").get("outputs").get("done").asInt())
          .isEqualTo(7);
    }
    assertThat(INVOCATIONS).hasSize(2);
    assertThat(INVOCATIONS.get(1)).isEqualTo(INVOCATIONS.get(0));
    assertThat(EFFECTS).as("the side effect, recorded by key, happened once").hasSize(1);
  }
}
