package io.baton.modules.internal;

import io.baton.api.definition.ModuleStep;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.StepExecutor;
import io.baton.modules.ModuleHub;

/**
 * Carries out {@code module} steps through the hub, looking the module up at each call: a module
 * registered on the hub after the engine was built is callable at once, and an unknown module or
 * operation fails with the hub's error, which names what exists and the nearest name.
 */
public final class HubModuleSteps implements StepExecutor<ModuleStep> {
  private final ModuleHub hub;

  public HubModuleSteps(ModuleHub hub) {
    this.hub = hub;
  }

  @Override
  public String type() {
    return "module";
  }

  @Override
  public Class<ModuleStep> definitionType() {
    return ModuleStep.class;
  }

  @Override
  public Object execute(ModuleStep step, StepContext context) {
    return hub.invoke(step.module(), step.operation(), context.inputMap(), context);
  }
}
