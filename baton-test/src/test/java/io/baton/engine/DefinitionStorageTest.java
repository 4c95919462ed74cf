package io.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.StepCommon;
import io.baton.api.definition.TransformStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.store.DefinitionStore;
import io.baton.engine.store.InMemoryDefinitionStore;
import io.baton.engine.store.InMemoryJournal;
import io.baton.engine.store.InMemoryRunStore;
import io.baton.engine.store.InMemoryTimerStore;
import io.baton.engine.store.InMemoryWaitStore;
import io.baton.test.TestEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Runs store the definition they run, looking the store up once per version, not once per run. */
class DefinitionStorageTest {
  private final CountingDefinitions definitions = new CountingDefinitions();

  @Test
  void eachVersionIsLookedUpAndStoredOnceWhateverTheNumberOfRuns() {
    try (TestEngine t =
        TestEngine.create(
            b ->
                b.stores(
                    new InMemoryJournal(),
                    new InMemoryRunStore(),
                    new InMemoryTimerStore(),
                    new InMemoryWaitStore(),
                    definitions))) {
      for (int i = 0; i < 5; i++) {
        assertThat(run(t, flow("1")).status()).isEqualTo(RunStatus.COMPLETED);
      }
      assertThat(definitions.finds.get()).isEqualTo(1);
      assertThat(definitions.saves.get()).isEqualTo(1);

      run(t, flow("2"));
      run(t, flow("2"));

      assertThat(definitions.finds.get()).isEqualTo(2);
      assertThat(definitions.saves.get()).isEqualTo(2);
      assertThat(definitions.find("stored", "1")).isPresent();
      assertThat(definitions.find("stored", "2")).isPresent();
    }
  }

  private static io.baton.api.run.RunView run(TestEngine t, WorkflowDefinition flow) {
    return t.baton().start(flow, Map.of()).await(Duration.ofSeconds(5));
  }

  private static WorkflowDefinition flow(String version) {
    var step = new TransformStep(StepCommon.of("a"), "1 + 1", null);
    return new WorkflowDefinition(
        "stored", version, null, null, null, null, List.of(step), null, null, null);
  }

  private static final class CountingDefinitions implements DefinitionStore {
    private final InMemoryDefinitionStore store = new InMemoryDefinitionStore();
    final AtomicInteger finds = new AtomicInteger();
    final AtomicInteger saves = new AtomicInteger();

    @Override
    public void save(WorkflowDefinition definition) {
      saves.incrementAndGet();
      store.save(definition);
    }

    @Override
    public Optional<WorkflowDefinition> find(String workflowId, String version) {
      finds.incrementAndGet();
      return store.find(workflowId, version);
    }

    @Override
    public Optional<WorkflowDefinition> latest(String workflowId) {
      return store.latest(workflowId);
    }

    @Override
    public List<WorkflowDefinition> list() {
      return store.list();
    }
  }
}
