package io.baton.api.definition;

import java.util.List;

/**
 * Runs its body repeatedly: while {@code whileCondition} holds (checked before each iteration) and
 * until {@code untilCondition} holds (checked after each), at most {@code maxIterations} times.
 * Inside the body {@code ${iteration}} is the 0-based iteration and {@code ${previous}} the
 * previous iteration's result. The output is {@code {"iterations": n, "result": last result,
 * "results": [...]}}.
 *
 * @param whileCondition checked before each iteration ({@code while}), or null
 * @param untilCondition checked after each iteration ({@code until}), or null
 * @param maxIterations the hard cap; reaching it ends the loop (it is not an error)
 * @param steps the body
 * @param result a template for each iteration's result, or null for the output of the body's last
 *     step
 */
public record LoopStep(
    StepCommon common,
    String whileCondition,
    String untilCondition,
    int maxIterations,
    List<StepDef> steps,
    Object result)
    implements StepDef {

  /** The cap applied when a loop declares none. */
  public static final int DEFAULT_MAX_ITERATIONS = 100;

  public LoopStep {
    steps = Frozen.list(steps);
    maxIterations = maxIterations <= 0 ? DEFAULT_MAX_ITERATIONS : maxIterations;
  }

  @Override
  public String type() {
    return "loop";
  }

  @Override
  public List<StepDef> children() {
    return steps;
  }

  @Override
  public LoopStep withCommon(StepCommon c) {
    return new LoopStep(c, whileCondition, untilCondition, maxIterations, steps, result);
  }
}
