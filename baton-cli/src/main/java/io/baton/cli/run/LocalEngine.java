package io.baton.cli.run;

import io.baton.ai.BatonAi;
import io.baton.ai.memory.ConversationStore;
import io.baton.ai.memory.InMemoryConversationStore;
import io.baton.ai.store.AiDatabase;
import io.baton.ai.store.JdbcConversationStore;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.store.StoreBackend;
import io.baton.cli.ai.CliAi;
import io.baton.cli.offline.OfflineStandIns;
import io.baton.cli.offline.OfflineTasks;
import io.baton.engine.Baton;
import io.baton.engine.BatonBuilder;
import io.baton.engine.config.EngineConfig;
import io.baton.engine.time.RandomIdGenerator;
import io.baton.engine.time.SystemTimeSource;
import io.baton.modules.ModuleHub;
import io.baton.modules.StandardModules;
import io.baton.modules.store.InMemoryModuleEntityStore;
import io.baton.modules.store.JdbcModuleEntityStore;
import io.baton.modules.store.ModuleEntityStore;
import io.baton.store.jdbc.JdbcStoreBackend;
import java.nio.file.Path;
import java.util.List;

/**
 * The in-process engine a {@code baton run} uses: in-memory stores (or those of {@code --store}),
 * the system clock, the given configuration, the ten MPLP coordination modules on a module hub
 * (keeping their entities, and agents' memories and blackboards, in the same store), the CLI's
 * offline stand-ins for tasks and tools, the workflows its subworkflow steps run, and an {@link
 * EventInbox} receiving every event.
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
  private final BatonAi ai;

  private LocalEngine(Baton baton, EventInbox inbox, SystemTimeSource clock, BatonAi ai) {
    this.baton = baton;
    this.inbox = inbox;
    this.clock = clock;
    this.ai = ai;
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
   * the stores after the engine. It does not resume the store's unfinished runs by itself: {@code
   * baton run} starts one run, {@code baton runs resume} recovers them explicitly.
   */
  public static LocalEngine start(
      EngineConfig config, List<WorkflowDefinition> subworkflows, StoreBackend stores) {
    return start(config, subworkflows, stores, null);
  }

  /**
   * Starts an engine as {@link #start(EngineConfig, List, StoreBackend)} does, with the AI
   * configuration of {@code aiConfig} (null: {@code BATON_AI_CONFIG}, else {@code ./baton-ai.yaml},
   * else the offline model).
   */
  public static LocalEngine start(
      EngineConfig config,
      List<WorkflowDefinition> subworkflows,
      StoreBackend stores,
      Path aiConfig) {
    EventInbox inbox = new EventInbox();
    SystemTimeSource clock = new SystemTimeSource();
    ModuleHub hub = StandardModules.hub(entityStore(stores, clock), clock, new RandomIdGenerator());
    BatonBuilder builder =
        hub.installInto(OfflineStandIns.register(Baton.builder()))
            .clock(clock)
            .config(config)
            .recoverOnStart(false)
            .listener(inbox);
    if (stores != null) {
      builder.stores(stores);
    }
    BatonAi ai = CliAi.install(builder, conversations(stores), aiConfig);
    // Tasks run on the agent registered for their capability, else on the offline stand-in.
    ai.routeTasks(OfflineTasks.CAPABILITIES, new OfflineTasks());
    Baton baton = ai.attach(builder.build());
    hub.attach(baton);
    subworkflows.forEach(baton::register);
    return new LocalEngine(baton, inbox, clock, ai);
  }

  /** Module entities beside the runs: in the same database, or in memory with in-memory runs. */
  private static ModuleEntityStore entityStore(StoreBackend stores, SystemTimeSource clock) {
    return stores instanceof JdbcStoreBackend jdbc
        ? JdbcModuleEntityStore.migrate(jdbc.dataSource(), clock)
        : new InMemoryModuleEntityStore(clock);
  }

  /** Agents' memories and blackboards beside the runs, like the module entities. */
  private static ConversationStore conversations(StoreBackend stores) {
    return stores instanceof JdbcStoreBackend jdbc
        ? new JdbcConversationStore(AiDatabase.migrate(jdbc.dataSource()))
        : new InMemoryConversationStore();
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
    ai.close();
    clock.close();
  }
}
