package io.baton.api.definition;

/**
 * Runs another workflow as a child run and completes with its outputs; the step's {@code input} is
 * the child's inputs. Cancelling the parent cancels the child.
 *
 * @param workflow the id of the child workflow, as registered with the engine
 * @param version the version to run, or null for the latest
 */
public record SubworkflowStep(StepCommon common, String workflow, String version)
    implements StepDef {
  @Override
  public String type() {
    return "subworkflow";
  }

  @Override
  public SubworkflowStep withCommon(StepCommon c) {
    return new SubworkflowStep(c, workflow, version);
  }
}
