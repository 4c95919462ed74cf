package io.baton.api.definition;

import java.util.List;

/**
 * One branch of a {@link ParallelStep}: a small graph of its own, whose steps may depend on each
 * other.
 *
 * @param id the branch's name, unique within its parallel step
 * @param steps the branch's steps; the branch's value is the output of its last step
 */
public record Branch(String id, List<StepDef> steps) {
  public Branch {
    steps = Frozen.list(steps);
  }
}
