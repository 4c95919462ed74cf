package io.baton.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.spi.Tool;
import io.baton.api.store.StoreBackend;
import io.baton.cluster.ClusterNode;
import io.baton.engine.Baton;
import io.baton.engine.RunHandle;
import io.baton.engine.time.SystemTimeSource;
import io.baton.server.support.PostgresDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code baton.cluster.*}: two engines, each on a store opened as the server opens it ({@link
 * StoreOpener}) and joined as the server joins ({@link ClusterSetup#join}), share the work of runs
 * started on one of them; a store that is not PostgreSQL is refused with a clear error.
 */
class ClusterSetupTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void twoServerEnginesOnOnePostgresShareTheWork() throws Exception {
    try (PostgresDatabase db = PostgresDatabase.create();
        StoreBackend storeA = new StoreOpener().open(db.location(), Map.of());
        StoreBackend storeB = new StoreOpener().open(db.location(), Map.of());
        Baton a = engine(storeA, settings("a", 0)); // decides, runs no step itself
        Baton b = engine(storeB, settings("b", 8))) {
      WorkflowDefinition flow =
          a.loader()
              .parse(
                  """
                  id: shared
                  version: 1.0.0
                  steps:
                    - id: where
                      type: tool
                      tool: where
                  """,
                  "shared.yaml")
              .orThrow();
      List<RunHandle> runs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        runs.add(a.start(flow, Map.of()));
      }
      for (RunHandle run : runs) {
        RunView done = run.await(WAIT);
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.steps().get("where").output()).isEqualTo("b");
      }
    }
  }

  @Test
  void aStoreThatIsNotPostgresIsRefusedWithTheSettingToChange() throws Exception {
    try (StoreBackend memory = new StoreOpener().open("mem:", Map.of())) {
      assertThatThrownBy(() -> ClusterSetup.join(memory, settings("a", 1), new SystemTimeSource()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("baton.store.location=postgresql://");
    }
  }

  private static ClusterSetup.Settings settings(String nodeId, int executors) {
    return new ClusterSetup.Settings(
        true, nodeId, Duration.ofMillis(300), Duration.ofSeconds(3), executors);
  }

  private static Baton engine(StoreBackend store, ClusterSetup.Settings settings) {
    SystemTimeSource clock = new SystemTimeSource();
    ClusterNode node = ClusterSetup.join(store, settings, clock);
    return Baton.builder()
        .stores(store)
        .clock(clock)
        .cluster(node)
        .tool(Tool.of("where", "names the node", Map.of(), (args, ctx) -> settings.nodeId()))
        .build();
  }
}
