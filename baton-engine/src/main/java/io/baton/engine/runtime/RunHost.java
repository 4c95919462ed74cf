package io.baton.engine.runtime;

import io.baton.api.run.PublishedEvent;
import io.baton.engine.planner.RunState;
import java.util.Map;

/** What a run's decider asks of the engine around it: child runs, events between runs, and ends. */
interface RunHost {

  /**
   * Starts child run {@code childRunId} unless it exists (so that a replayed start is harmless).
   */
  void startChild(RunState parent, String path, Map<String, Object> details);

  /** Cancels a child run (its parent step was cancelled or timed out). */
  void cancelChild(String childRunId, String reason);

  /**
   * Delivers an event published by an {@code event} step to the runs waiting for it, then to the
   * listeners.
   */
  void publish(PublishedEvent event);

  /** The run ended: completes its waiters and tells its parent. */
  void runEnded(RunState run);

  /** An ended run was retried: it will end again, so waiting for its end must wait again. */
  void runReopened(String runId);

  /** A message reached an evicted decider: hand it to the run's current one. */
  void redeliver(String runId, Message message);

  /** The journal refused a batch: the decider's state is no longer the durable one. */
  void persistenceFailed(RunActor actor, RuntimeException cause);

  /** The run is suspended with nothing in flight: it may be evicted from memory. */
  void runIdle(RunActor actor);
}
