package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.definition.HumanStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.api.store.SnapshotRecord;
import io.baton.engine.runtime.SnapshotCorruptedException;
import io.baton.engine.store.StoreSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Snapshots: taken with a checksum, listed, restored into a new run; damage is detected. */
class SnapshotTest extends EngineTest {
  private final StoreSet stores = StoreSet.inMemory();
  private final AtomicInteger prepared = new AtomicInteger();

  private void engineWithStores(Duration retention) {
    engine(
        b ->
            b.stores(stores)
                .retention(retention)
                .tool("prepare", "counts", (a, c) -> "prepared-" + prepared.incrementAndGet())
                .tool("echo", "echo", (a, c) -> a));
  }

  private static WorkflowDefinition prepareAskPublish() {
    return flow(
        "snap",
        tool("prepare", "prepare", map()),
        new HumanStep(step("ask").after("prepare").build(), "?", Map.of(), List.of(), null, null),
        tool(
            "publish",
            "echo",
            map("prepared", "${steps.prepare.output}", "answer", "${steps.ask.output}"),
            "ask"));
  }

  @Test
  void aRestoredSnapshotContinuesInANewRunWithTheResultsItHad() {
    engineWithStores(null);
    var run = baton.start(prepareAskPublish(), Map.of());
    String firstWait = firstWaitId(run.id());

    SnapshotRecord snapshot = baton.snapshot(run.id(), "before-answer");
    assertThat(snapshot.label()).isEqualTo("before-answer");
    assertThat(snapshot.seq()).isEqualTo(stores.journal().read(run.id(), 0).size());
    assertThat(snapshot.checksum()).matches("[0-9a-f]{64}");
    assertThat(baton.snapshots(run.id())).containsExactly(snapshot);

    baton.submitInput(firstWait, "yes", "me");
    assertThat(run.await(EventLog.TIMEOUT).outputs())
        .isEqualTo(Map.of("prepared", "prepared-1", "answer", "yes"));

    var restored = baton.restore(snapshot.snapshotId(), null);
    assertThat(restored.id()).isNotEqualTo(run.id());
    String secondWait = firstWaitId(restored.id());
    RunView waiting = baton.status(restored.id());
    assertThat(waiting.step("prepare").status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(stores.journal().read(restored.id(), 0).getFirst().event())
        .isInstanceOfSatisfying(
            RunEvent.RunStarted.class, s -> assertThat(s.forkOf()).isEqualTo(run.id()));

    baton.submitInput(secondWait, "no", "me");
    assertThat(restored.await(EventLog.TIMEOUT).outputs())
        .as("the completed step kept its result and did not run again")
        .isEqualTo(Map.of("prepared", "prepared-1", "answer", "no"));
    assertThat(prepared).hasValue(1);
    assertThat(baton.status(run.id()).outputs())
        .as("the source run is untouched")
        .isEqualTo(Map.of("prepared", "prepared-1", "answer", "yes"));
  }

  @Test
  void aSnapshotTakenWhileAStepRanRunsThatStepAgainWithEditedInputs() {
    Blocker slow = blocker(args -> "slow-" + args.get("topic"));
    engine(b -> b.stores(stores).tool("slow", "blocks", slow));
    var wf = flow("edited", tool("work", "slow", map("topic", "${inputs.topic}")));
    var run = baton.start(wf, Map.of("topic", "cats"));
    slow.awaitStarted(1);
    SnapshotRecord snapshot = baton.snapshot(run.id(), null);
    assertThat(snapshot.label()).isEqualTo("manual");
    slow.releaseAll();
    assertThat(run.await(EventLog.TIMEOUT).outputs()).isEqualTo("slow-cats");

    var restored = baton.restore(snapshot.snapshotId(), Map.of("topic", "dogs"));
    assertThat(restored.await(EventLog.TIMEOUT).outputs()).isEqualTo("slow-dogs");
  }

  @Test
  void aDamagedSnapshotIsRefusedWithAClearError() {
    engineWithStores(null);
    var run = baton.start(prepareAskPublish(), Map.of());
    firstWaitId(run.id());
    SnapshotRecord snapshot = baton.snapshot(run.id(), "x");
    byte[] stored = stores.snapshots().find(snapshot.snapshotId()).orElseThrow().payload();
    stored[stored.length / 2] ^= 0x5a;

    assertThatThrownBy(() -> baton.restore(snapshot.snapshotId(), null))
        .isInstanceOf(SnapshotCorruptedException.class)
        .hasMessageContaining("snapshot " + snapshot.snapshotId())
        .hasMessageContaining("is corrupted")
        .hasMessageContaining(snapshot.checksum());
    assertThat(stores.runs().list(io.baton.api.store.RunQuery.all(10)))
        .as("nothing was started")
        .hasSize(1);
  }

  @Test
  void retentionPurgesRunsThatEndedLongAgoAndKeepsTheOthers() {
    engineWithStores(Duration.ofDays(1));
    var ended = baton.start(flow("quick", tool("p", "prepare", map())), Map.of());
    ended.await(EventLog.TIMEOUT);
    baton.snapshot(ended.id(), null);
    var waiting = baton.start(prepareAskPublish(), Map.of());
    firstWaitId(waiting.id());

    clock.advance(Duration.ofHours(23));
    assertThat(stores.runs().find(ended.id())).isPresent();
    clock.advance(Duration.ofHours(2));
    long deadline = System.nanoTime() + EventLog.TIMEOUT.toNanos();
    while (stores.runs().find(ended.id()).isPresent() && System.nanoTime() < deadline) {
      // the purge runs on the engine's executor after its timer fired: let its next timer come too
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(stores.runs().find(ended.id())).as("purged by the hourly retention").isEmpty();
    assertThat(stores.journal().read(ended.id(), 0)).isEmpty();
    assertThat(stores.snapshots().list(ended.id())).isEmpty();
    assertThatThrownBy(() -> baton.status(ended.id())).isInstanceOf(RunNotFoundException.class);
    assertThat(baton.status(waiting.id()).status())
        .as("a run that has not ended is kept")
        .isEqualTo(RunStatus.WAITING);
  }
}
