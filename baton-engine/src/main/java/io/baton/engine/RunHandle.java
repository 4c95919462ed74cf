package io.baton.engine;

import io.baton.api.run.RunView;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A started run: its id, and ways to look at it and wait for it.
 *
 * <pre>{@code
 * RunView done = baton.start(workflow, Map.of("goal", "ship it")).await(Duration.ofMinutes(1));
 * }</pre>
 */
public final class RunHandle {
  private final Baton baton;
  private final String runId;
  private final CompletableFuture<RunView> completion;

  RunHandle(Baton baton, String runId, CompletableFuture<RunView> completion) {
    this.baton = baton;
    this.runId = runId;
    this.completion = completion;
  }

  /** The run's id. */
  public String id() {
    return runId;
  }

  /** The run's current state. */
  public RunView status() {
    return baton.status(runId);
  }

  /**
   * Waits until the run ends (completes, fails, is cancelled or times out) and returns its final
   * state.
   *
   * @throws RunTimeoutException when it has not ended within {@code timeout}; the run goes on
   */
  public RunView await(Duration timeout) {
    return baton.await(runId, timeout, completion);
  }

  @Override
  public String toString() {
    return "run " + runId;
  }
}
