package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.HumanStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.store.Journal;
import io.baton.api.store.StoreBackend;
import io.baton.engine.store.StoreSet;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A run the engine takes up again — answered after it left memory, or recovered — is read with one
 * call for its summary and its journal ({@link StoreBackend#loadRun}), which a store on one
 * database answers with one query: a resume waits for one round trip there, not two.
 */
class RunLoadingTest extends EngineTest {
  private final StoreSet memory = StoreSet.inMemory();
  private final AtomicInteger loads = new AtomicInteger();
  private final AtomicInteger journalReads = new AtomicInteger();
  private final StoreBackend stores = countingLoads();

  /** The in-memory stores, counting the loads of runs and the reads of journals besides. */
  private StoreBackend countingLoads() {
    Journal journal = memory.journal();
    Journal counted =
        new Journal() {
          @Override
          public void append(String runId, long expectedSeq, List<RunEvent> events) {
            journal.append(runId, expectedSeq, events);
          }

          @Override
          public List<JournalEntry> read(String runId, long fromSeq) {
            journalReads.incrementAndGet();
            return journal.read(runId, fromSeq);
          }

          @Override
          public void delete(String runId) {
            journal.delete(runId);
          }
        };
    return (StoreBackend)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {StoreBackend.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "journal" -> counted;
                  case "loadRun" -> {
                    loads.incrementAndGet();
                    yield memory.loadRun((String) args[0]);
                  }
                  default -> {
                    try {
                      yield method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  }
                });
  }

  private static WorkflowDefinition approval() {
    return flow(
        "approval", new HumanStep(step("ask").build(), "Go?", Map.of(), List.of(), null, null));
  }

  @Test
  void aRunTakenUpAgainIsReadWithItsJournalInOneCall() {
    engine(b -> b.stores(stores));
    String runId = baton.start(approval(), Map.of()).id();
    String waitId = firstWaitId(runId);
    loads.set(0);
    journalReads.set(0);

    // a new engine on the same stores: the run is only there
    engine(b -> b.stores(stores));
    assertThat(baton.submitInput(waitId, "yes", "ann")).isTrue();
    RunView done = awaitEnd(runId);

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "ask").output()).isEqualTo("yes");
    assertThat(loads).as("loads of the run").hasPositiveValue();
    assertThat(journalReads).as("reads of its journal besides").hasValue(0);
  }
}
