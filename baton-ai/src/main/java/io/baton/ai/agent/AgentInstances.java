package io.baton.ai.agent;

import io.baton.api.time.TimeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The agent instances of running runs and their lifecycle. Every change is checked against {@link
 * AgentState}'s table and reported to the listener (which publishes it as a step event).
 */
public final class AgentInstances {
  private final Map<String, Instance> instances = new ConcurrentHashMap<>();
  private final TimeSource clock;

  /** Instances whose changes are timed by {@code clock}. */
  public AgentInstances(TimeSource clock) {
    this.clock = clock;
  }

  /**
   * Marks {@code agent} of {@code runId} running, creating and initialising it first if it is new.
   *
   * @param report receives each change
   */
  public void start(String runId, String agent, Consumer<Change> report) {
    Instance i = instances.computeIfAbsent(key(runId, agent), k -> new Instance(runId, agent));
    synchronized (i) {
      if (i.state == AgentState.CREATED) {
        move(i, AgentState.INITIALIZED, report);
      }
      // Parallel steps may use the same agent: it stays running until the last one pauses it.
      if (i.active++ == 0) {
        move(i, AgentState.RUNNING, report);
      }
    }
  }

  /** Marks {@code agent} of {@code runId} paused when no step of it runs any more. */
  public void pause(String runId, String agent, Consumer<Change> report) {
    Instance i = instances.get(key(runId, agent));
    if (i == null) {
      return;
    }
    synchronized (i) {
      if (--i.active == 0) {
        move(i, AgentState.PAUSED, report);
      }
    }
  }

  /** Destroys every instance of {@code runId} (its run ended); returns their agents' names. */
  public List<String> destroyRun(String runId, Consumer<Change> report) {
    List<String> destroyed = new ArrayList<>();
    for (Instance i : List.copyOf(instances.values())) {
      if (i.runId.equals(runId)) {
        synchronized (i) {
          if (i.state == AgentState.RUNNING) {
            move(i, AgentState.PAUSED, report);
          }
          move(i, AgentState.DESTROYED, report);
        }
        instances.remove(key(runId, i.agent));
        destroyed.add(i.agent);
      }
    }
    return destroyed;
  }

  /** The state of {@code agent} in {@code runId}, or null when it has no instance. */
  public AgentState state(String runId, String agent) {
    Instance i = instances.get(key(runId, agent));
    return i == null ? null : i.state;
  }

  private void move(Instance i, AgentState to, Consumer<Change> report) {
    if (!i.state.canGoTo(to)) {
      throw new IllegalStateException(
          "agent '" + i.agent + "' in run " + i.runId + " cannot go from " + i.state + " to " + to);
    }
    AgentState from = i.state;
    i.state = to;
    report.accept(new Change(i.runId, i.agent, from, to, clock.now()));
  }

  private static String key(String runId, String agent) {
    return runId + "\u0000" + agent;
  }

  /**
   * One lifecycle change.
   *
   * @param runId the run
   * @param agent the agent
   * @param from the state before
   * @param to the state after
   * @param at when
   */
  public record Change(String runId, String agent, AgentState from, AgentState to, Instant at) {}

  private static final class Instance {
    final String runId;
    final String agent;
    AgentState state = AgentState.CREATED;
    int active;

    Instance(String runId, String agent) {
      this.runId = runId;
      this.agent = agent;
    }
  }
}
