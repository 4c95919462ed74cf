package io.baton.api.definition;

/**
 * Marks where a workflow ends. When it runs, the run completes with {@code output} (templates
 * resolved) as its outputs, even if other branches are still running; they are cancelled.
 *
 * @param output the run's outputs, or null to use the workflow's {@code outputs} mapping
 */
public record EndStep(StepCommon common, Object output) implements StepDef {
  @Override
  public String type() {
    return "end";
  }

  @Override
  public EndStep withCommon(StepCommon c) {
    return new EndStep(c, output);
  }
}
