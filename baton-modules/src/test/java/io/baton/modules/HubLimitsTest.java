package io.baton.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.modules.spi.MplpModule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the first version of the hub could not do: call a module registered after the engine was
 * built, name the nearest operation from a step, keep one role per name under concurrent creation,
 * and keep tracing a run after the hub restarted.
 */
class HubLimitsTest {
  private final HubFixture f = new HubFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private RunView run(String yaml) {
    return f.baton.await(f.hub.workflows().execute(yaml, Map.of()), HubFixture.TIMEOUT);
  }

  private static String step(String module, String operation) {
    return "id: t\nversion: 1.0.0\nsteps:\n  - id: s\n    type: module\n    module: "
        + module
        + "\n    operation: "
        + operation
        + "\n";
  }

  @Test
  void aModuleRegisteredAfterTheEngineWasBuiltIsCallableFromSteps() {
    f.hub.register(
        new MplpModule("echo", "Says back what it is given.") {
          {
            operation("say", "Returns its input.", c -> Map.of("said", c.input()));
          }
        });
    f.hub.start("echo");

    RunView done = run(step("echo", "say"));

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(((Map<?, ?>) done.step("s").output()).containsKey("said")).isTrue();
  }

  @Test
  void anUnknownOperationInAStepNamesTheNearestOne() {
    RunView done = run(step("context", "create-contxt"));

    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().message())
        .contains("module 'context' has no operation 'create-contxt'")
        .contains("did you mean \"create-context\"?");
  }

  @Test
  void runsCreatingTheSameRoleAtOnceShareOneRole() throws Exception {
    List<Callable<Object>> calls =
        java.util.stream.IntStream.range(0, 8)
            .<Callable<Object>>mapToObj(
                i -> () -> f.hub.invoke("role", "define-role", Map.of("name", "auditor")))
            .toList();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Future<Object> done : threads.invokeAll(calls)) {
        done.get();
      }
    }
    assertThat(f.store.list("role", "role", "auditor", 10)).hasSize(1);
  }

  @Test
  void aMonitoredRunIsStillTracedByAHubStartedAfterARestart() {
    String yaml =
        "id: t\nversion: 1.0.0\nsteps:\n"
            + "  - id: trace\n    type: module\n    module: trace\n    operation: start-monitoring\n"
            + "  - id: wait\n    type: human\n    prompt: go on?\n    dependsOn: [trace]\n";
    String runId = f.hub.workflows().execute(yaml, Map.of());
    var waiting = f.waitFor(runId, v -> !v.pendingInputs().isEmpty());
    String traceId = (String) ((Map<?, ?>) waiting.step("trace").output()).get("traceId");

    // A new hub and engine over the same module store: nothing in memory says the run is traced.
    // Its trace recorder (the listener installInto gives the restarted engine) hears the run end.
    ModuleHub hub = StandardModules.hub(f.store, f.clock, new SequentialUuids());
    new io.baton.modules.internal.TraceRecorder(hub)
        .onEvent(
            new io.baton.api.run.JournalEntry(
                runId, 99, new io.baton.api.run.RunEvent.RunCompleted(f.clock.now(), Map.of())));

    Map<?, ?> trace = (Map<?, ?>) hub.invoke("trace", "query", Map.of("traceId", traceId));
    assertThat(trace.get("status")).isEqualTo("completed");
  }
}
