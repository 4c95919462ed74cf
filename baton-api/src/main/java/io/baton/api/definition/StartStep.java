package io.baton.api.definition;

/**
 * Marks where a workflow begins; its output is the run's inputs. Optional: steps with no
 * dependencies start.
 */
public record StartStep(StepCommon common) implements StepDef {
  @Override
  public String type() {
    return "start";
  }

  @Override
  public StartStep withCommon(StepCommon c) {
    return new StartStep(c);
  }
}
