package io.baton.engine;

/** No run has the given id. */
public class RunNotFoundException extends RuntimeException {
  /** For run {@code runId}. */
  public RunNotFoundException(String runId) {
    super("no run has the id '" + runId + "'");
  }
}
