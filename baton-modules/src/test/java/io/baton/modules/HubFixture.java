package io.baton.modules;

import io.baton.engine.Baton;
import io.baton.modules.store.InMemoryModuleEntityStore;
import io.baton.modules.store.ModuleEntityStore;
import io.baton.modules.store.StoredEntity;
import io.baton.test.FakeClock;
import io.baton.test.SequentialIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An engine with the ten modules on a hub: in-memory stores, a fake clock, sequential ids. The
 * iflow tasks go to the hub's task handler (core.execute-task).
 */
final class HubFixture implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(20);
  static final List<String> TASKS =
      List.of("analysis", "design", "development", "integration", "testing");

  final FakeClock clock = new FakeClock();
  final ModuleEntityStore store = new InMemoryModuleEntityStore(clock);
  final ModuleHub hub = StandardModules.hub(store, clock, new SequentialUuids());
  final Baton baton;

  HubFixture() {
    var builder = hub.installInto(Baton.builder().clock(clock).ids(new SequentialIds()));
    TASKS.forEach(capability -> builder.task(capability, hub.taskHandler()));
    baton = builder.build();
    hub.attach(baton);
  }

  /** A conformance fixture of the seeds, as shipped in the test resources. */
  static Path conformance(String file) {
    return Path.of("src/test/resources/conformance", file);
  }

  /** Every entity stored by the modules (not the hub's own records). */
  List<StoredEntity> entities() {
    List<StoredEntity> out = new ArrayList<>();
    for (String module : io.baton.modules.mplp.MplpSchemas.MODULES) {
      out.addAll(store.list(module, module, null, 10_000));
    }
    return out;
  }

  /** Polls the run's view until {@code test} holds (the engine runs steps on other threads). */
  io.baton.api.run.RunView waitFor(String runId, Predicate<io.baton.api.run.RunView> test) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      io.baton.api.run.RunView view = baton.status(runId);
      if (test.test(view)) {
        return view;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out; last view: " + view);
      }
      Thread.onSpinWait();
    }
  }

  @Override
  public void close() {
    baton.close();
  }
}
