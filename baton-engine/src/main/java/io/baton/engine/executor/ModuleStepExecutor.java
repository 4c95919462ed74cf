package io.baton.engine.executor;

import io.baton.api.definition.ModuleStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.CoordinationModule;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.StepExecutor;

/**
 * Carries out {@code module} steps: calls an operation of a coordination module, matching the
 * operation's name in any style ({@code create-context} = {@code createContext} = {@code
 * create_context}).
 */
public final class ModuleStepExecutor implements StepExecutor<ModuleStep> {
  private final Registry<CoordinationModule> modules;

  /** An executor calling the modules of {@code modules}. */
  public ModuleStepExecutor(Registry<CoordinationModule> modules) {
    this.modules = modules;
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
  public Object execute(ModuleStep step, StepContext context) throws Exception {
    CoordinationModule module = modules.find(step.module());
    if (module == null) {
      throw new StepException(
          ErrorKind.NOT_FOUND,
          "no module named '"
              + step.module()
              + "' is registered; registered modules: ["
              + modules.names()
              + "]");
    }
    String wanted = Registry.looseName(step.operation());
    for (String operation : module.operations()) {
      if (Registry.looseName(operation).equals(wanted)) {
        return module.invoke(operation, context.inputMap(), context);
      }
    }
    throw new StepException(
        ErrorKind.NOT_FOUND,
        "module '"
            + module.name()
            + "' has no operation '"
            + step.operation()
            + "'; it offers "
            + module.operations());
  }
}
