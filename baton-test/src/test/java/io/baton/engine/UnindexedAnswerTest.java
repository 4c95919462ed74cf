package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.HumanStep;
import io.baton.api.run.RunStatus;
import io.baton.api.store.WaitRecord;
import io.baton.api.store.WaitStore;
import io.baton.engine.store.StoreSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The waits' index is written just after the journal, so a person who saw a question in the run's
 * view may answer before the index has it: the answer still reaches the run, once.
 */
class UnindexedAnswerTest extends EngineTest {
  @Test
  void anAnswerReachesItsRunBeforeTheWaitsIndexHasTheQuestion() {
    StoreSet memory = StoreSet.inMemory();
    engine(
        b ->
            b.stores(
                memory.journal(),
                memory.runs(),
                memory.timers(),
                new NoHumanWaitsYet(),
                memory.definitions()));
    var ask = new HumanStep(step("ok").build(), "Go?", Map.of(), List.of(), null, null);
    String runId = baton.start(flow("ask", ask), Map.of()).id();
    String waitId =
        waitFor(runId, "a question", v -> !v.pendingInputs().isEmpty())
            .pendingInputs()
            .getFirst()
            .waitId();

    assertThat(baton.submitInput(waitId, Map.of("go", true), "ann")).isTrue();
    assertThat(baton.submitInput(waitId, Map.of("go", false), "bob")).as("answered").isFalse();
    assertThat(baton.submitInput(runId + ":nowhere:1", Map.of(), "ann")).isFalse();
    assertThat(baton.submitInput("not-a-wait", Map.of(), "ann")).isFalse();

    assertThat(awaitEnd(runId).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(awaitEnd(runId).step("ok").output()).isEqualTo(Map.of("go", true));
  }

  /** A waits' index that has not caught up with any person's question. */
  private static final class NoHumanWaitsYet implements WaitStore {
    @Override
    public void register(WaitRecord wait) {}

    @Override
    public void remove(String waitId) {}

    @Override
    public Optional<WaitRecord> find(String waitId) {
      return Optional.empty();
    }

    @Override
    public List<WaitRecord> findByEvent(String eventName, String correlationKey) {
      return List.of();
    }

    @Override
    public List<WaitRecord> humanWaits(int limit) {
      return List.of();
    }
  }
}
