package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.definition.HumanStep;
import io.baton.api.definition.SubworkflowStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.definition.WorkflowPolicies;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StoredValue;
import io.baton.api.store.RunQuery;
import io.baton.api.store.SnapshotRecord;
import io.baton.engine.store.StoreSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run that refers to large values another run stored — a fork or a run restored from a snapshot
 * (its source's), a parent (its child's outputs) — keeps them when that run is purged: it has its
 * own copies of them, deleted with it.
 */
class SharedValuesTest extends EngineTest {
  private static final int SIZE = 50_000;
  private final StoreSet stores = StoreSet.inMemory();

  @BeforeEach
  void setUp() {
    engine(
        b ->
            b.stores(stores)
                // nothing cached: every read of a large value goes to the store
                .largeValues(10_000, 0)
                .tool(
                    "big", "a large output", (a, c) -> map("size", SIZE, "text", "b".repeat(SIZE)))
                .tool(
                    "wrap",
                    "a large output that holds another",
                    (a, c) -> map("inner", a.get("inner"), "text", "w".repeat(SIZE)))
                .tool("echo", "echoes", (a, c) -> a));
  }

  /** A large value, another that holds it, a question, then a step that reads both. */
  private static WorkflowDefinition makeAskUse() {
    return flow(
        "forked-values",
        WorkflowPolicies.DEFAULTS,
        "${steps.use.output}",
        tool("make", "big", map()),
        tool("wrap", "wrap", map("inner", "${steps.make.output}"), "make"),
        new HumanStep(step("ask").after("wrap").build(), "?", Map.of(), List.of(), null, null),
        tool(
            "use",
            "echo",
            map(
                "size", "${steps.make.output.size}",
                "inner", "${steps.wrap.output.inner.size}",
                "answer", "${steps.ask.output}"),
            "ask"));
  }

  private String endedSource() {
    String source = baton.start(makeAskUse(), Map.of()).id();
    baton.submitInput(firstWaitId(source), "first", "me");
    assertThat(awaitEnd(source).status()).isEqualTo(RunStatus.COMPLETED);
    return source;
  }

  private int purgeEndedRuns() {
    return baton.purgeEndedBefore(clock.now().plusSeconds(1));
  }

  private static Map<String, Object> used(String answer) {
    return Map.of("size", (long) SIZE, "inner", (long) SIZE, "answer", answer);
  }

  private String valueId(RunView view, String step) {
    return ((StoredValue) view.step(step).output()).valueId();
  }

  @Test
  void aForkReadsTheLargeValuesOfItsSourceAfterTheSourceIsPurged() {
    String source = endedSource();
    String fork = baton.rerunFrom(source, "ask", null).id();
    String question = firstWaitId(fork);

    assertThat(purgeEndedRuns()).as("only the source had ended").isEqualTo(1);

    RunView waiting = baton.status(fork);
    assertThat(waiting.step("make").output()).isInstanceOf(StoredValue.class);
    assertThat(((Map<?, ?>) waiting.step("make").output()).get("size")).isEqualTo((long) SIZE);
    assertThat(((Map<?, ?>) ((Map<?, ?>) waiting.step("wrap").output()).get("inner")).get("size"))
        .as("a value held inside another is the fork's too")
        .isEqualTo((long) SIZE);
    baton.submitInput(question, "again", "me");
    RunView done = awaitEnd(fork);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.outputs()).isEqualTo(used("again"));

    String make = valueId(done, "make");
    assertThat(purgeEndedRuns()).isEqualTo(1);
    assertThat(stores.values().find(make)).as("the fork's copies are purged with it").isEmpty();
  }

  @Test
  void aForkOfAForkKeepsTheValuesWhenTheRunsBeforeItArePurged() {
    String source = endedSource();
    String first = baton.rerunFrom(source, "ask", null).id();
    baton.submitInput(firstWaitId(first), "second", "me");
    awaitEnd(first);
    clock.advance(Duration.ofMinutes(1));
    String second = baton.rerunFrom(first, "use", null).id();
    awaitEnd(second);
    clock.advance(Duration.ofMinutes(1));
    String third = baton.rerunFrom(second, "ask", null).id();
    String question = firstWaitId(third);

    assertThat(purgeEndedRuns()).isEqualTo(3);

    baton.submitInput(question, "fourth", "me");
    assertThat(awaitEnd(third).outputs()).isEqualTo(used("fourth"));
  }

  @Test
  void aRunRestoredFromASnapshotReadsTheLargeValuesAfterItsSourceIsPurged() {
    String source = baton.start(makeAskUse(), Map.of()).id();
    String question = firstWaitId(source);
    SnapshotRecord snapshot = baton.snapshot(source, "before-answer");
    baton.submitInput(question, "first", "me");
    awaitEnd(source);
    String restored = baton.restore(snapshot.snapshotId(), null).id();
    String again = firstWaitId(restored);

    assertThat(purgeEndedRuns()).isEqualTo(1);

    baton.submitInput(again, "restored", "me");
    RunView done = awaitEnd(restored);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.outputs()).isEqualTo(used("restored"));
  }

  @Test
  void aParentReadsTheLargeOutputOfItsChildAfterTheChildIsPurged() {
    baton.register(
        flow(
            "big-child",
            WorkflowPolicies.DEFAULTS,
            "${steps.make.output}",
            tool("make", "big", map())));
    WorkflowDefinition parent =
        flow(
            "big-parent",
            WorkflowPolicies.DEFAULTS,
            "${steps.use.output}",
            new SubworkflowStep(step("sub").build(), "big-child", null),
            new HumanStep(step("ask").after("sub").build(), "?", Map.of(), List.of(), null, null),
            tool("use", "echo", map("size", "${steps.sub.output.size}"), "ask"));
    String run = baton.start(parent, Map.of()).id();
    String question = firstWaitId(run);

    assertThat(purgeEndedRuns()).as("the child had ended").isEqualTo(1);

    baton.submitInput(question, "go", "me");
    RunView done = awaitEnd(run);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.outputs()).isEqualTo(Map.of("size", (long) SIZE));
  }

  @Test
  void aForkWhoseSourceLostAValueIsRefusedWithAClearError() {
    String source = endedSource();
    String make = valueId(baton.status(source), "make");
    stores.values().deleteRun(source); // as when a store was partly restored

    assertThatThrownBy(() -> baton.rerunFrom(source, "ask", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("from the history of run " + source)
        .hasMessageContaining("stored value " + make)
        .hasMessageContaining("missing from the value store");
    assertThat(stores.runs().list(RunQuery.all(10))).as("nothing was started").hasSize(1);
  }
}
