package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.LoopStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.engine.store.StoreSet;
import io.baton.test.FakeClock;
import io.baton.test.SequentialIds;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A loop or a map whose engine stops while one of its iterations runs goes on, on a new engine over
 * the same stores, to exactly the iterations it would have run without the stop.
 */
class CompositeRecoveryTest extends EngineTest {
  private final StoreSet stores = StoreSet.inMemory();
  private final AtomicInteger calls = new AtomicInteger();
  private Baton second;

  @AfterEach
  void closeSecond() {
    if (second != null) {
      second.close();
    }
  }

  private static WorkflowDefinition threeRounds() {
    return flow(
        "rounds",
        new LoopStep(
            step("refine").build(),
            null,
            "iteration >= 2",
            5,
            List.of(tool("round", "work", map("n", "${iteration}"))),
            null));
  }

  @ParameterizedTest(name = "stopped during round {0}")
  @ValueSource(ints = {1, 2, 3})
  void aLoopStoppedDuringARoundRunsThreeRoundsInAll(int stopAt) {
    Blocker first = blocker(args -> args.get("n"));
    engine(b -> b.stores(stores).tool("work", "blocks", first));
    var run = baton.start(threeRounds(), Map.of());
    first.release(stopAt - 1);
    first.awaitStarted(stopAt);
    baton.close();

    RunView done = restart().await(run.id(), EventLog.TIMEOUT);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.step("refine").output())
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("iterations", 3);
    assertThat(done.steps().keySet()).filteredOn(p -> p.endsWith("/round")).hasSize(3);
  }

  private Baton restart() {
    second =
        Baton.builder()
            .clock(new FakeClock(clock.now()))
            .ids(new SequentialIds())
            .stores(stores)
            .tool(
                "work",
                "counts",
                (args, ctx) -> {
                  calls.incrementAndGet();
                  return args.containsKey("n") ? args.get("n") : args.get("x");
                })
            .build();
    return second;
  }
}
