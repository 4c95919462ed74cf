package io.baton.engine.graph;

/**
 * A condition on another step's end that a step needs before it may run: the branch a condition or
 * switch step took, or the failure of a step whose {@code onError} is {@code goto} this one.
 *
 * @param source the step whose end decides
 * @param branch the branch that must have been taken ({@code then}, {@code else}, {@code case:N},
 *     {@code default}), or {@link #ON_FAILURE}
 */
public record Guard(CompiledStep source, String branch) {

  /** The guard of a fallback step: its source must have failed. */
  public static final String ON_FAILURE = "onFailure";
}
