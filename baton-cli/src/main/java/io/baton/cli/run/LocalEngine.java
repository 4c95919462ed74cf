package io.baton.cli.run;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.cli.offline.OfflineStandIns;
import io.baton.engine.Baton;
import io.baton.engine.config.EngineConfig;
import io.baton.engine.time.RandomIdGenerator;
import io.baton.engine.time.SystemTimeSource;
import io.baton.modules.ModuleHub;
import io.baton.modules.StandardModules;
import io.baton.modules.store.InMemoryModuleEntityStore;
import java.util.List;

/**
 * The in-process engine a {@code baton run} uses: in-memory stores, the system clock, the given
 * configuration, the ten MPLP coordination modules on a module hub, the CLI's offline stand-ins for
 * tasks and tools, the workflows its subworkflow steps run, and an {@link EventInbox} receiving
 * every event.
 *
 * <pre>{@code
 * try (LocalEngine engine = LocalEngine.start(EngineConfig.DEFAULTS, List.of(child))) {
 *   engine.baton().start(flow, inputs);
 * }
 * }</pre>
 */
public final class LocalEngine implements AutoCloseable {
  private final Baton baton;
  private final EventInbox inbox;

  private final SystemTimeSource clock;

  private LocalEngine(Baton baton, EventInbox inbox, SystemTimeSource clock) {
    this.baton = baton;
    this.inbox = inbox;
    this.clock = clock;
  }

  /**
   * Starts an engine.
   *
   * @param config limits, strategy and defaults
   * @param subworkflows the workflows that subworkflow steps may run, registered by id
   */
  public static LocalEngine start(EngineConfig config, List<WorkflowDefinition> subworkflows) {
    EventInbox inbox = new EventInbox();
    SystemTimeSource clock = new SystemTimeSource();
    // The ten MPLP coordination modules, keeping their entities in memory for the life of the run.
    ModuleHub hub =
        StandardModules.hub(new InMemoryModuleEntityStore(clock), clock, new RandomIdGenerator());
    Baton baton =
        hub.installInto(OfflineStandIns.register(Baton.builder()))
            .clock(clock)
            .config(config)
            .listener(inbox)
            .build();
    hub.attach(baton);
    subworkflows.forEach(baton::register);
    return new LocalEngine(baton, inbox, clock);
  }

  /** The engine. */
  public Baton baton() {
    return baton;
  }

  /** The events of its runs. */
  public EventInbox inbox() {
    return inbox;
  }

  @Override
  public void close() {
    baton.close();
    clock.close();
  }
}
