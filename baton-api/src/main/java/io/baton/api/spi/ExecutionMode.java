package io.baton.api.spi;

/** Where a step executor runs. */
public enum ExecutionMode {
  /**
   * On a virtual thread of its own, through the scheduler and its concurrency limits: for anything
   * that blocks or takes time (model calls, HTTP, tools).
   */
  VIRTUAL_THREAD,
  /**
   * On the run's decider thread, at once, outside the scheduler's limits: only for executors that
   * finish in microseconds and never block (transforms, bookkeeping). A slow inline executor stalls
   * its run.
   */
  INLINE
}
