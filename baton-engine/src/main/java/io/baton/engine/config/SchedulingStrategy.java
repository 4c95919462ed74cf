package io.baton.engine.config;

/** How the scheduler picks the next ready step (seed 004 {@code scheduling.strategy}). */
public enum SchedulingStrategy {
  /** Highest priority first, then oldest; waiting raises a step's effective priority (aging). */
  PRIORITY_BASED,
  /**
   * Runs take turns: one step of each run with ready steps, in rotation, whatever their priority.
   */
  ROUND_ROBIN,
  /** Across executors or nodes by load; on one node it behaves as {@link #PRIORITY_BASED}. */
  LOAD_BALANCED
}
