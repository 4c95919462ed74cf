package io.baton.server.ai;

import io.baton.ai.AiConfig;
import io.baton.ai.AiEnvironment;
import io.baton.ai.BatonAi;
import io.baton.ai.memory.ConversationStore;
import io.baton.ai.memory.InMemoryConversationStore;
import io.baton.ai.model.SecretSource;
import io.baton.ai.store.AiDatabase;
import io.baton.ai.store.JdbcConversationStore;
import io.baton.api.store.StoreBackend;
import io.baton.api.time.TimeSource;
import io.baton.engine.BatonBuilder;
import io.baton.server.config.BatonProperties;
import io.baton.server.engine.TaskHandlerBinding;
import io.baton.server.modules.ModuleSetup;
import io.baton.server.persistence.ServerTables;
import io.baton.server.secrets.SecretStore;
import io.baton.store.jdbc.JdbcStoreBackend;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Baton's AI in the server: {@link BatonAi} installed into the engine's builder with the
 * configuration of {@link AiConfigSource}, the engine's clock, and provider keys written {@code
 * env:NAME} (the environment) or {@code secret:NAME} (the server's {@link SecretStore}, namespace
 * {@code baton.ai.secrets-namespace}, default {@code default}); agents' memories and blackboards
 * beside the runs.
 */
@Configuration(proxyBeanMethods = false)
public class AiSetup {
  private static final Logger LOG = LoggerFactory.getLogger(AiSetup.class);

  /** The AI configuration ({@link AiConfigSource}). */
  @Bean
  AiConfig aiConfig(Environment environment, BatonProperties properties) {
    return AiConfigSource.read(environment, properties.data());
  }

  /** The AI, installed before the engine is built; closed after it (MCP connections end). */
  @Bean(destroyMethod = "close")
  BatonAi batonAi(
      BatonBuilder builder,
      AiConfig config,
      BatonProperties properties,
      TimeSource clock,
      SecretStore secrets,
      StoreBackend store,
      ServerTables tables,
      ModuleSetup.TaskHandlerBindings hubTasks,
      ObjectProvider<TaskHandlerBinding> ownTasks,
      @Value("${baton.ai.secrets-namespace:default}") String secretsNamespace) {
    SecretSource fromStore = name -> secrets.reveal(secretsNamespace, name);
    BatonAi ai =
        BatonAi.install(
            builder,
            config,
            new AiEnvironment(clock, fromStore, conversations(store, tables), properties.data()));
    // The iflow task types run on the agent registered for their capability, else on the hub's
    // core.execute-task; an application's own binding for a capability stays in charge of it.
    Set<String> own =
        ownTasks.orderedStream().map(TaskHandlerBinding::capability).collect(Collectors.toSet());
    hubTasks.bindings().stream()
        .filter(t -> !own.contains(t.capability()))
        .forEach(t -> ai.routeTasks(List.of(t.capability()), t.handler()));
    if (config.providers().isEmpty()) {
      LOG.info("AI: no model provider configured; the offline model answers every model call");
    } else {
      LOG.info(
          "AI: providers {}, {} agent(s)",
          config.providers().stream().map(p -> p.name()).toList(),
          config.agents().size());
    }
    return ai;
  }

  /**
   * Agents' memories and blackboards in the runs' database (through the server's pool when it
   * reaches that database), so that recovered runs find them; in memory with the in-memory store.
   */
  private static ConversationStore conversations(StoreBackend store, ServerTables tables) {
    if (tables.withStore()) {
      return new JdbcConversationStore(AiDatabase.migrate(tables.dataSource()));
    }
    return store instanceof JdbcStoreBackend jdbc
        ? new JdbcConversationStore(AiDatabase.migrate(jdbc.dataSource()))
        : new InMemoryConversationStore();
  }
}
