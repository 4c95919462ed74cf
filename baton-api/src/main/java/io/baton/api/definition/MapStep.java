package io.baton.api.definition;

import java.util.List;

/**
 * Runs its body once per item of a list, at most {@code maxConcurrency} at a time. Inside the body,
 * {@code ${item}} (or the name given by {@code as}) is the item and {@code ${index}} its position.
 * The output is the list of the iterations' results, in input order.
 *
 * @param items the list: an expression ({@code steps.fetch.output.items}), a {@code ${…}} template,
 *     or a literal list whose elements may hold templates ({@code [a, "${inputs.b}"]})
 * @param as the variable the item is bound to (default {@code item})
 * @param maxConcurrency the most iterations at once (0 = no limit of its own)
 * @param steps the body, run for each item
 * @param result a template for each iteration's result, or null for the output of the body's last
 *     step
 */
public record MapStep(
    StepCommon common,
    Object items,
    String as,
    int maxConcurrency,
    List<StepDef> steps,
    Object result)
    implements StepDef {
  public MapStep {
    as = as == null ? "item" : as;
    steps = Frozen.list(steps);
    if (maxConcurrency < 0) {
      throw new IllegalArgumentException("maxConcurrency must be >= 0, was " + maxConcurrency);
    }
  }

  @Override
  public String type() {
    return "map";
  }

  @Override
  public List<StepDef> children() {
    return steps;
  }

  @Override
  public MapStep withCommon(StepCommon c) {
    return new MapStep(c, items, as, maxConcurrency, steps, result);
  }
}
