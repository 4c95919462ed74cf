package io.baton.cli.run;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.store.StoreBackend;
import io.baton.cli.offline.OfflineStandIns;
import io.baton.engine.Baton;
import io.baton.engine.BatonBuilder;
import io.baton.engine.config.EngineConfig;
import java.util.List;

/**
 * The in-process engine a {@code baton run} uses: in-memory stores (or those of {@code --store}),
 * the system clock, the given configuration, the CLI's offline stand-ins, the workflows its
 * subworkflow steps run, and an {@link EventInbox} receiving every event.
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

  private LocalEngine(Baton baton, EventInbox inbox) {
    this.baton = baton;
    this.inbox = inbox;
  }

  /**
   * Starts an engine.
   *
   * @param config limits, strategy and defaults
   * @param subworkflows the workflows that subworkflow steps may run, registered by id
   */
  public static LocalEngine start(EngineConfig config, List<WorkflowDefinition> subworkflows) {
    return start(config, subworkflows, null);
  }

  /**
   * Starts an engine that keeps its runs in {@code stores} (in memory when null); the caller closes
   * the stores after the engine.
   */
  public static LocalEngine start(
      EngineConfig config, List<WorkflowDefinition> subworkflows, StoreBackend stores) {
    EventInbox inbox = new EventInbox();
    BatonBuilder builder = OfflineStandIns.register(Baton.builder()).config(config).listener(inbox);
    if (stores != null) {
      builder.stores(stores);
    }
    Baton baton = builder.build();
    subworkflows.forEach(baton::register);
    return new LocalEngine(baton, inbox);
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
  }
}
