package io.baton.engine;

import java.time.Duration;

/** Waiting for a run took longer than the caller allowed. The run itself goes on. */
public class RunTimeoutException extends RuntimeException {
  /** Waiting for {@code runId} for {@code waited}. */
  public RunTimeoutException(String runId, Duration waited) {
    super("run " + runId + " did not end within " + waited + "; it goes on");
  }
}
