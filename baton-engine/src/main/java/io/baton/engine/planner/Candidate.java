package io.baton.engine.planner;

import io.baton.engine.graph.CompiledStep;

/**
 * A step the planner must look at again, because something it depends on changed.
 *
 * @param scope the scope instance it belongs to
 * @param step the step
 */
public record Candidate(ScopeInstance scope, CompiledStep step) {
  /** The step's path. */
  public String path() {
    return scope.pathOf(step.id());
  }
}
