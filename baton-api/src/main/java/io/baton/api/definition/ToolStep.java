package io.baton.api.definition;

/**
 * Calls a registered tool with the step's input as arguments.
 *
 * @param tool the tool's name
 */
public record ToolStep(StepCommon common, String tool) implements StepDef {
  @Override
  public String type() {
    return "tool";
  }

  @Override
  public ToolStep withCommon(StepCommon c) {
    return new ToolStep(c, tool);
  }
}
