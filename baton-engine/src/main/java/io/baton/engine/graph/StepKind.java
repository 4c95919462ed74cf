package io.baton.engine.graph;

/** How the runtime carries out a step, whatever its type. */
public enum StepKind {
  /**
   * Completes at once on the run's decider: start, end, condition, switch, transform, event, inline
   * executors.
   */
  INLINE,
  /**
   * Runs a handler on a virtual thread through the scheduler: module, tool, task and custom types.
   */
  TASK,
  /** Suspends on a timer or an event. */
  WAIT,
  /** Suspends until a person answers. */
  HUMAN,
  /** Suspends until a child run ends. */
  SUBWORKFLOW,
  /** Opens one scope per branch. */
  PARALLEL,
  /** Opens one scope per item. */
  MAP,
  /** Opens one scope per iteration, one after the other. */
  LOOP;

  /** Whether the step owns nested scopes. */
  public boolean isComposite() {
    return this == PARALLEL || this == MAP || this == LOOP;
  }
}
