package io.baton.server.modules;

import io.baton.api.store.StoreBackend;
import io.baton.api.time.IdGenerator;
import io.baton.api.time.TimeSource;
import io.baton.modules.ModuleHub;
import io.baton.modules.StandardModules;
import io.baton.modules.store.InMemoryModuleEntityStore;
import io.baton.modules.store.JdbcModuleEntityStore;
import io.baton.modules.store.ModuleEntityStore;
import io.baton.server.engine.TaskHandlerBinding;
import io.baton.server.persistence.ServerTables;
import io.baton.store.jdbc.JdbcStoreBackend;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ten MPLP coordination modules on a {@link ModuleHub}, their entities in the runs' database
 * (table {@code baton_module_entity}, its own migration history) or in memory with the in-memory
 * store. {@code EngineSetup} installs the hub into the engine and attaches it once built.
 */
@Configuration(proxyBeanMethods = false)
public class ModuleSetup {

  /** The hub, with the ten modules registered and started. */
  @Bean
  ModuleHub moduleHub(StoreBackend store, ServerTables tables, TimeSource clock, IdGenerator ids) {
    return StandardModules.hub(entityStore(store, tables, clock), clock, ids);
  }

  /**
   * The hub's task handler ({@code core.execute-task}) for the {@code task} steps of the iflow
   * format, for the capabilities of {@code baton.modules.task-capabilities} (an application's own
   * {@link TaskHandlerBinding} beans for the same capability replace it: they register later).
   */
  @Bean
  TaskHandlerBindings moduleTaskHandlers(
      ModuleHub hub,
      @Value("${baton.modules.task-capabilities:analysis,design,development,integration,testing}")
          List<String> capabilities) {
    return new TaskHandlerBindings(
        capabilities.stream()
            .filter(c -> !c.isBlank())
            .map(c -> new TaskHandlerBinding(c.trim(), hub.taskHandler()))
            .toList());
  }

  /**
   * In the runs' database, through the server's pool when it reaches that database (calls from the
   * API then never take the journal's connections), else the store's own; in memory with the
   * in-memory store.
   */
  private static ModuleEntityStore entityStore(
      StoreBackend store, ServerTables tables, TimeSource clock) {
    if (tables.withStore()) {
      return JdbcModuleEntityStore.migrate(tables.dataSource(), clock);
    }
    return store instanceof JdbcStoreBackend jdbc
        ? JdbcModuleEntityStore.migrate(jdbc.dataSource(), clock)
        : new InMemoryModuleEntityStore(clock);
  }

  /**
   * Task handlers registered before the application's own bindings.
   *
   * @param bindings the handlers by capability
   */
  public record TaskHandlerBindings(List<TaskHandlerBinding> bindings) {}
}
