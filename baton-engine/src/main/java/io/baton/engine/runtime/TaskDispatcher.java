package io.baton.engine.runtime;

/**
 * Where a run's handler-run steps go when they are not run in the engine's own process: a queue
 * that the executors of every node take work from. A lone engine has none and runs handlers on its
 * own virtual threads.
 *
 * <p>The dispatcher is handed a step once the step's start is durable in the run's journal. The
 * step's result must come back to the run's owner as a {@link RunLetter.Kind#TASK_ENDED} letter
 * (see {@link NodePort#deliver}); dispatching the same attempt again (after the run was recovered)
 * must not run it twice when it is queued, running or done.
 */
public interface TaskDispatcher {

  /** Queues {@code task} for an executor. */
  void dispatch(StepTask task);

  /**
   * The run no longer wants this attempt (it was cancelled or timed out): drop it if no executor
   * took it yet, or have the node running it stop it (see {@link NodePort#execute}); whatever
   * result still comes back is ignored.
   */
  void withdraw(String runId, String path, int attempt);
}
