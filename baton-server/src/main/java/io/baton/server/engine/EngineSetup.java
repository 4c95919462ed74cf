package io.baton.server.engine;

import io.baton.ai.BatonAi;
import io.baton.api.spi.CoordinationModule;
import io.baton.api.spi.StepExecutor;
import io.baton.api.spi.Tool;
import io.baton.api.store.StoreBackend;
import io.baton.api.time.IdGenerator;
import io.baton.api.time.TimeSource;
import io.baton.cluster.ClusterNode;
import io.baton.engine.Baton;
import io.baton.engine.BatonBuilder;
import io.baton.engine.scheduler.StepAdmission;
import io.baton.engine.time.RandomIdGenerator;
import io.baton.engine.time.SystemTimeSource;
import io.baton.modules.ModuleHub;
import io.baton.server.config.BatonProperties;
import io.baton.server.modules.ModuleSetup;
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
 * with the MPLP modules ({@code baton-modules}), the AI ({@code baton-ai}) and every tool, module,
 * step type and task handler the application context provides.
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

  /**
   * The engine's builder with the store, the clock, the configuration, the coordination modules of
   * the hub, every module, step type and task handler the application context declares. {@code
   * baton-ai} installs itself into it ({@code AiSetup}) before {@link #baton} builds it.
   */
  @Bean
  BatonBuilder batonBuilder(
      StoreBackend store,
      TimeSource clock,
      IdGenerator ids,
      Environment environment,
      ModuleHub hub,
      ModuleSetup.TaskHandlerBindings hubTasks,
      ObjectProvider<CoordinationModule> modules,
      ObjectProvider<StepExecutor<?>> steps,
      ObjectProvider<TaskHandlerBinding> tasks,
      ObjectProvider<ClusterNode> cluster,
      ObjectProvider<StepAdmission> admission) {
    BatonBuilder builder =
        hub.installInto(Baton.builder())
            .stores(store)
            .clock(clock)
            .ids(ids)
            .config(EngineConfigSource.read(environment))
            // the bus wakes waiting runs within the publishing run's namespace (RunPublications)
            .wakeOnPublish(false);
    cluster.ifAvailable(builder::cluster); // baton.cluster.enabled: see ClusterSetup
    admission.ifAvailable(builder::admission); // degradation level 3: ModelStepAdmission
    modules.orderedStream().forEach(builder::module);
    steps.orderedStream().forEach(builder::step);
    hubTasks.bindings().forEach(t -> builder.task(t.capability(), t.handler()));
    tasks.orderedStream().forEach(t -> builder.task(t.capability(), t.handler()));
    return builder;
  }

  /**
   * The engine, with the AI installed (its step types, tools and agents; the application's tools go
   * through it so that agents see them too) and the module hub attached. Closing it stops its
   * timers; runs in a durable store recover on the next start.
   */
  @Bean(destroyMethod = "close")
  Baton baton(BatonBuilder builder, BatonAi ai, ModuleHub hub, ObjectProvider<Tool> tools) {
    tools.orderedStream().forEach(ai::tool);
    Baton baton = ai.attach(builder.build());
    hub.attach(baton);
    return baton;
  }

  /** The step types a definition may use, for the node-type catalogue. */
  @Bean
  StepTypeRegistry stepTypeRegistry(ObjectProvider<StepExecutor<?>> steps) {
    List<StepExecutor<?>> custom = steps.orderedStream().toList();
    return new StepTypeRegistry(custom);
  }
}
