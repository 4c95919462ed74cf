package io.baton.bench;

/** A run ended other than the workload requires: a figure measured on it would mean nothing. */
final class WrongResultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WrongResultException(String workload, String expected, Object found) {
    super(workload + ": expected " + expected + ", but found " + found);
  }

  /** Fails unless {@code run} completed with {@code expected} as its outputs. */
  static void check(String workload, io.baton.api.run.RunView run, Object expected) {
    if (run.status() != io.baton.api.run.RunStatus.COMPLETED) {
      throw new WrongResultException(
          workload,
          "run " + run.runId() + " to complete with " + expected,
          run.status() + (run.failure() == null ? "" : " (" + run.failure() + ")"));
    }
    if (!expected.equals(run.outputs())) {
      throw new WrongResultException(
          workload, "run " + run.runId() + " to output " + expected, run.outputs());
    }
  }
}
