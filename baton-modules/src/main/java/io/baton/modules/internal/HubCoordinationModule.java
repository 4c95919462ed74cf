package io.baton.modules.internal;

import io.baton.api.spi.CoordinationModule;
import io.baton.api.spi.StepContext;
import io.baton.modules.ModuleHub;
import io.baton.modules.spi.MplpModule;
import java.util.Map;
import java.util.Set;

/**
 * A hub module as the engine sees it: {@code module} steps calling it go through the hub, so that
 * its lifecycle (a stopped module refuses calls), idempotency and counters apply.
 */
public final class HubCoordinationModule implements CoordinationModule {
  private final ModuleHub hub;
  private final MplpModule module;

  public HubCoordinationModule(ModuleHub hub, MplpModule module) {
    this.hub = hub;
    this.module = module;
  }

  @Override
  public String name() {
    return module.name();
  }

  @Override
  public Set<String> operations() {
    return module.operations().keySet();
  }

  @Override
  public Object invoke(String operation, Map<String, Object> parameters, StepContext context) {
    return hub.invoke(module.name(), operation, parameters, context);
  }
}
