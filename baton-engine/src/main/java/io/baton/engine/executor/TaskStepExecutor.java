package io.baton.engine.executor;

import io.baton.api.definition.CustomStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.StepExecutor;
import io.baton.api.spi.TaskHandler;
import java.util.Map;

/**
 * Carries out {@code task} steps (the iflow format's tasks): hands the task to the handler
 * registered for its {@code capability} ({@code analysis}, {@code design}, …).
 */
public final class TaskStepExecutor implements StepExecutor<CustomStep> {
  private final Registry<TaskHandler> handlers;

  /** An executor dispatching to {@code handlers} by capability. */
  public TaskStepExecutor(Registry<TaskHandler> handlers) {
    this.handlers = handlers;
  }

  @Override
  public String type() {
    return "task";
  }

  @Override
  public Class<CustomStep> definitionType() {
    return CustomStep.class;
  }

  @Override
  public Map<String, Object> configSchema() {
    return Map.of(
        "type", "object",
        "required", java.util.List.of("capability"),
        "properties", Map.of("capability", Map.of("type", "string")));
  }

  @Override
  public Object execute(CustomStep step, StepContext context) throws Exception {
    String capability = String.valueOf(step.config().get("capability"));
    TaskHandler handler = handlers.find(capability);
    if (handler == null) {
      throw new StepException(
          ErrorKind.NOT_FOUND,
          "no handler is registered for tasks of capability '"
              + capability
              + "'; registered: ["
              + handlers.names()
              + "]");
    }
    return handler.handle(capability, context.inputMap(), context);
  }
}
