package io.baton.engine.config;

/**
 * Which step gets a contended resource first (seed 004 {@code coordination.conflict_resolution}):
 * when several queued steps could take the same pool slots or lock, the scheduler gives it to one
 * of them by this rule.
 */
public enum ConflictResolution {
  /** The step the scheduling strategy would take first (priority, then age). */
  PRIORITY,
  /** The step that became ready first, whatever its priority. */
  TIMESTAMP,
  /**
   * A step drawn pseudo-randomly: by a hash of its run, path and queue position, so that no step is
   * favoured and a replay with the same inputs draws the same (the engine takes no real
   * randomness).
   */
  RANDOM
}
