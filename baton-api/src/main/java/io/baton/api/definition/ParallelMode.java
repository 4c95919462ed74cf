package io.baton.api.definition;

/** How a {@link ParallelStep} treats a failing branch. */
public enum ParallelMode {
  /**
   * Every branch runs to its end; the step completes with each branch's status, value and error.
   */
  ALL_SETTLED,
  /** The first failing branch cancels the others and fails the step. */
  FAIL_FAST
}
