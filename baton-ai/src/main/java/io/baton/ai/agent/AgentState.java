package io.baton.ai.agent;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of an agent instance (seed 002): {@code CREATED → INITIALIZED → RUNNING ⇄ PAUSED →
 * DESTROYED}. An instance is one agent in one run: created when a step first uses it, running while
 * a step of it runs, paused between its steps, destroyed when the run ends.
 */
public enum AgentState {
  CREATED,
  INITIALIZED,
  RUNNING,
  PAUSED,
  DESTROYED;

  /** The allowed changes: the one place they are defined. */
  private static final Map<AgentState, Set<AgentState>> NEXT =
      Map.of(
          CREATED, EnumSet.of(INITIALIZED, DESTROYED),
          INITIALIZED, EnumSet.of(RUNNING, DESTROYED),
          RUNNING, EnumSet.of(PAUSED),
          PAUSED, EnumSet.of(RUNNING, DESTROYED),
          DESTROYED, EnumSet.noneOf(AgentState.class));

  /** Whether an instance may go from this state to {@code next}. */
  public boolean canGoTo(AgentState next) {
    return NEXT.get(this).contains(next);
  }

  /** The states reachable in one change. */
  public Set<AgentState> next() {
    return Set.copyOf(NEXT.get(this));
  }
}
