package io.baton.server.engine;

import io.baton.api.spi.CoordinationModule;
import io.baton.api.spi.StepExecutor;
import io.baton.api.spi.Tool;
import io.baton.api.store.StoreBackend;
import io.baton.api.time.IdGenerator;
import io.baton.api.time.TimeSource;
import io.baton.engine.Baton;
import io.baton.engine.BatonBuilder;
import io.baton.engine.time.RandomIdGenerator;
import io.baton.engine.time.SystemTimeSource;
import io.baton.server.config.BatonProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The engine as beans: the store opened through the store SPI, the clock, and the {@link Baton}
 * with every tool, module, step type and task handler the application context provides (so that
 * {@code baton-ai} and {@code baton-modules} plug in by declaring beans).
 */
@Configuration(proxyBeanMethods = false)
public class EngineSetup {
  private static final Logger LOG = LoggerFactory.getLogger(EngineSetup.class);

  /** The system clock; tests declare a fake one instead. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(TimeSource.class)
  SystemTimeSource timeSource() {
    return new SystemTimeSource();
  }

  /** Run ids. */
  @Bean
  @ConditionalOnMissingBean(IdGenerator.class)
  IdGenerator idGenerator() {
    return new RandomIdGenerator();
  }

  /** The store of runs, closed after the engine (Spring destroys in reverse order). */
  @Bean(destroyMethod = "close")
  StoreBackend storeBackend(BatonProperties properties) {
    String location = properties.storeLocation();
    StoreBackend backend = new StoreOpener().open(location, properties.store().options());
    LOG.info("store: {}", backend.describe());
    return backend;
  }

  /** The engine. Closing it stops its timers; runs in a durable store recover on the next start. */
  @Bean(destroyMethod = "close")
  Baton baton(
      StoreBackend store,
      TimeSource clock,
      IdGenerator ids,
      Environment environment,
      ObjectProvider<Tool> tools,
      ObjectProvider<CoordinationModule> modules,
      ObjectProvider<StepExecutor<?>> steps,
      ObjectProvider<TaskHandlerBinding> tasks) {
    BatonBuilder builder =
        Baton.builder()
            .stores(store)
            .clock(clock)
            .ids(ids)
            .config(EngineConfigSource.read(environment));
    tools.orderedStream().forEach(builder::tool);
    modules.orderedStream().forEach(builder::module);
    steps.orderedStream().forEach(builder::step);
    tasks.orderedStream().forEach(t -> builder.task(t.capability(), t.handler()));
    return builder.build();
  }

  /** The step types a definition may use, for the node-type catalogue. */
  @Bean
  StepTypeRegistry stepTypeRegistry(ObjectProvider<StepExecutor<?>> steps) {
    List<StepExecutor<?>> custom = steps.orderedStream().toList();
    return new StepTypeRegistry(custom);
  }
}
