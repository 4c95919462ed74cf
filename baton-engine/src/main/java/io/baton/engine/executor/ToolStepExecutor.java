package io.baton.engine.executor;

import io.baton.api.definition.ToolStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.StepExecutor;
import io.baton.api.spi.Tool;

/** Carries out {@code tool} steps: calls the named tool with the step's input as arguments. */
public final class ToolStepExecutor implements StepExecutor<ToolStep> {
  private final Registry<Tool> tools;

  /** An executor calling the tools of {@code tools}. */
  public ToolStepExecutor(Registry<Tool> tools) {
    this.tools = tools;
  }

  @Override
  public String type() {
    return "tool";
  }

  @Override
  public Class<ToolStep> definitionType() {
    return ToolStep.class;
  }

  @Override
  public Object execute(ToolStep step, StepContext context) throws Exception {
    Tool tool = tools.find(step.tool());
    if (tool == null) {
      throw new StepException(
          ErrorKind.NOT_FOUND,
          "no tool named '"
              + step.tool()
              + "' is registered; registered tools: ["
              + tools.names()
              + "]");
    }
    return tool.invoke(context.inputMap(), context);
  }
}
