package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.definition.MapStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent.RunRetried;
import io.baton.api.run.RunEvent.RunStarted;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepException;
import io.baton.api.run.StepStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retrying a failed run from its failed steps, and re-running from a step with edited input (a
 * fork).
 */
class RerunTest extends EngineTest {
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicBoolean broken = new AtomicBoolean(true);
  private final List<String> keys =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  private Blocker hang;
  private final CountDownLatch sideStarted = new CountDownLatch(1);

  private int calls(String tool) {
    return calls.getOrDefault(tool, new AtomicInteger()).get();
  }

  private void count(String tool) {
    calls.computeIfAbsent(tool, k -> new AtomicInteger()).incrementAndGet();
  }

  @BeforeEach
  void setUp() {
    hang = blocker();
    engine(
        b ->
            b.tool("hang", "blocks", hang)
                .tool(
                    "source",
                    "counts",
                    (args, ctx) -> {
                      count("source");
                      Map<String, Object> out = new java.util.HashMap<>();
                      out.put("n", args.get("n"));
                      return out;
                    })
                .tool(
                    "failOnceSideRuns",
                    "fails once the side step runs",
                    (args, ctx) -> {
                      if (broken.get()) {
                        sideStarted.await(10, TimeUnit.SECONDS);
                        throw new StepException(ErrorKind.UNAVAILABLE, "still broken");
                      }
                      return "fixed";
                    })
                .tool(
                    "times10",
                    "multiplies n by ten",
                    (args, ctx) -> {
                      count("times10");
                      keys.add(ctx.idempotencyKey());
                      if (broken.get() && args.get("n") == null) {
                        throw new StepException(ErrorKind.BAD_INPUT, "n is missing");
                      }
                      return ((Number) args.get("n")).longValue() * 10;
                    })
                .tool(
                    "fragile",
                    "fails while broken",
                    (args, ctx) -> {
                      count("fragile");
                      keys.add(ctx.idempotencyKey());
                      if (broken.get()) {
                        throw new StepException(ErrorKind.UNAVAILABLE, "still broken");
                      }
                      return "fixed";
                    })
                .tool(
                    "echo",
                    "echo",
                    (args, ctx) -> {
                      count("echo");
                      return args;
                    }));
  }

  private static WorkflowDefinition chain() {
    return flow(
        "chain",
        tool("a", "source", map("n", "${inputs.n}")),
        tool("b", "times10", map("n", "${steps.a.output.n}"), "a"),
        tool("c", "echo", map("b", "${steps.b.output}"), "b"));
  }

  @Test
  void retryingAFailedRunRerunsOnlyItsFailedStepAndWhatFollows() {
    var wf =
        flow(
            "retry-run",
            tool("a", "source", map("n", 1)),
            tool("b", "fragile", map(), "a"),
            tool("c", "echo", map("b", "${steps.b.output}"), "b"));
    var run = baton.start(wf, Map.of());
    RunView failed = run.await(EventLog.TIMEOUT);
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.failedStep()).isEqualTo("b");

    broken.set(false);
    assertThat(baton.retry(run.id(), "ops")).isTrue();
    RunView done = run.await(EventLog.TIMEOUT);

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.failure()).isNull();
    assertThat(done.failedStep()).isNull();
    assertThat(done.outputs()).isEqualTo(Map.of("b", "fixed"));
    assertThat(calls("source")).as("completed steps do not run again").isEqualTo(1);
    assertThat(calls("fragile")).isEqualTo(2);
    assertThat(stepIn(done, "b").attempt()).isEqualTo(2);
    assertThat(keys).containsExactly(run.id() + "/b/1", run.id() + "/b/2");
    assertThat(log.events(run.id(), RunRetried.class))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.paths()).containsExactly("b");
              assertThat(r.by()).isEqualTo("ops");
            });
  }

  @Test
  void retryingAFailedMapRerunsOnlyTheFailedItem() throws Exception {
    CountDownLatch othersDone = new CountDownLatch(1);
    Map<Object, AtomicInteger> perItem = new ConcurrentHashMap<>();
    engine(
        b ->
            b.tool(
                "item",
                "item 2 fails while broken, once the others are done",
                (args, ctx) -> {
                  Object x = args.get("x");
                  perItem.computeIfAbsent(x, k -> new AtomicInteger()).incrementAndGet();
                  if (x.equals(2L) && broken.get()) {
                    othersDone.await(10, TimeUnit.SECONDS);
                    throw new StepException(ErrorKind.UNAVAILABLE, "item 2 broken");
                  }
                  return ((Number) x).longValue() * 100;
                }));
    var m =
        new MapStep(
            step("m").build(),
            "${inputs.items}",
            null,
            0,
            List.of(tool("w", "item", map("x", "${item}"))),
            null);
    var run = baton.start(flow("retry-map", m), Map.of("items", List.of(1L, 2L, 3L)));
    waitForStep(run.id(), "m[0]/w", StepStatus.COMPLETED);
    waitForStep(run.id(), "m[2]/w", StepStatus.COMPLETED);
    othersDone.countDown();
    assertThat(run.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.FAILED);

    broken.set(false);
    assertThat(baton.retry(run.id(), "ops")).isTrue();
    RunView done = run.await(EventLog.TIMEOUT);
    assertThat(done.status()).as(done.toString()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "m").output()).isEqualTo(List.of(100L, 200L, 300L));
    assertThat(perItem.get(1L).get()).isEqualTo(1);
    assertThat(perItem.get(2L).get()).isEqualTo(2);
    assertThat(perItem.get(3L).get()).isEqualTo(1);
  }

  @Test
  void aCancelledRunCanBeRetried() {
    var run = baton.start(flow("retry-cancelled", step("h").tool("hang")), Map.of());
    hang.awaitStarted(1);
    baton.cancel(run.id(), "ops");
    assertThat(run.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.CANCELLED);
    hang.awaitInterrupted(1);

    assertThat(baton.retry(run.id(), "ops")).isTrue();
    hang.awaitStarted(1);
    hang.release(1);
    RunView done = run.await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "h").attempt()).isEqualTo(2);
  }

  @Test
  void onlyEndedRunsThatDidNotCompleteCanBeRetried() {
    RunView done = run(chain(), Map.of("n", 1));
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(baton.retry(done.runId(), "ops")).isFalse();

    var running = baton.start(flow("running", step("h").tool("hang")), Map.of());
    hang.awaitStarted(1);
    assertThat(baton.retry(running.id(), "ops")).isFalse();
  }

  @Test
  void rerunFromAStepSharesTheEarlierHistoryAndRerunsTheStepWithEditedInputAndWhatFollows() {
    RunView first = run(chain(), Map.of("n", 2L));
    assertThat(first.outputs()).isEqualTo(Map.of("b", 20L));

    RunHandle fork = baton.rerunFrom(first.runId(), "b", Map.of("n", 7L));
    RunView done = fork.await(EventLog.TIMEOUT);

    assertThat(fork.id()).isNotEqualTo(first.runId());
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.inputs()).isEqualTo(Map.of("n", 2L));
    assertThat(stepIn(done, "a").status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(stepIn(done, "a").output()).isEqualTo(Map.of("n", 2L));
    assertThat(stepIn(done, "b").input()).isEqualTo(Map.of("n", 7L));
    assertThat(stepIn(done, "b").output()).isEqualTo(70L);
    assertThat(done.outputs()).isEqualTo(Map.of("b", 70L));
    assertThat(calls("source")).as("steps before the re-run step are not run again").isEqualTo(1);
    assertThat(calls("times10")).isEqualTo(2);
    assertThat(calls("echo")).isEqualTo(2);
    assertThat(log.events(fork.id(), RunStarted.class).getFirst().forkOf())
        .isEqualTo(first.runId());
    assertThat(baton.status(first.runId()).outputs())
        .as("the source run is untouched")
        .isEqualTo(Map.of("b", 20L));
  }

  @Test
  void rerunFromWithoutEditedInputUsesTheOriginalInput() {
    RunView first = run(chain(), Map.of("n", 3L));
    RunView done = baton.rerunFrom(first.runId(), "b", null).await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "b").input()).isEqualTo(Map.of("n", 3L));
    assertThat(done.outputs()).isEqualTo(Map.of("b", 30L));
    assertThat(calls("source")).isEqualTo(1);
  }

  @Test
  void rerunFromTheFailedStepOfAFailedRunWithCorrectedInputCompletes() {
    Map<String, Object> noN = new java.util.HashMap<>();
    noN.put("n", null);
    RunView first = run(chain(), noN);
    assertThat(first.status()).isEqualTo(RunStatus.FAILED);
    assertThat(first.failedStep()).isEqualTo("b");
    assertThat(first.failure().kind()).isEqualTo(ErrorKind.BAD_INPUT);
    assertThat(first.failure().message()).isEqualTo("n is missing");

    RunView done = baton.rerunFrom(first.runId(), "b", Map.of("n", 5L)).await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.outputs()).isEqualTo(Map.of("b", 50L));
    assertThat(calls("source")).isEqualTo(1);
  }

  @Test
  void rerunFromTheFirstStepRerunsEverything() {
    RunView first = run(chain(), Map.of("n", 1L));
    RunView done = baton.rerunFrom(first.runId(), "a", Map.of("n", 4L)).await(EventLog.TIMEOUT);
    assertThat(done.outputs()).isEqualTo(Map.of("b", 40L));
    assertThat(calls("source")).isEqualTo(2);
  }

  @Test
  void rerunFromAStepInsideACompositeIsRefused() {
    var m =
        new MapStep(
            step("m").build(), "${inputs.items}", null, 0, List.of(tool("w", "echo", map())), null);
    RunView first = run(flow("nested", m), Map.of("items", List.of(1)));
    assertThatThrownBy(() -> baton.rerunFrom(first.runId(), "w", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a top-level step");
  }

  @Test
  void rerunFromAFailedStepAlsoRerunsAnIndependentStepThatTheFailureCancelled() {
    var wf =
        flow("fork-cancelled", tool("a", "failOnceSideRuns", map()), step("side").tool("hang"));
    var run = baton.start(wf, Map.of());
    hang.awaitStarted(1);
    sideStarted.countDown();
    RunView failed = run.await(EventLog.TIMEOUT);
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(stepIn(failed, "side").status()).isEqualTo(StepStatus.CANCELLED);

    broken.set(false);
    hang.releaseAll();
    RunView done = baton.rerunFrom(run.id(), "a", null).await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "a").output()).isEqualTo("fixed");
    assertThat(stepIn(done, "side").status()).isEqualTo(StepStatus.COMPLETED);
  }

  @Test
  void rerunFromALaterStepOfARunThatWasRetriedKeepsTheRetriedHistory() {
    var wf =
        flow(
            "retried-then-forked",
            tool("a", "fragile", map()),
            tool("b", "times10", map("n", 1), "a"));
    var run = baton.start(wf, Map.of());
    assertThat(run.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.FAILED);
    broken.set(false);
    baton.retry(run.id(), "ops");
    assertThat(run.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.COMPLETED);

    RunView done = baton.rerunFrom(run.id(), "b", Map.of("n", 2L)).await(EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "a").status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(stepIn(done, "a").attempt()).isEqualTo(2);
    assertThat(done.outputs()).isEqualTo(20L);
    assertThat(calls("fragile")).isEqualTo(2);
  }
}
