package io.baton.api.run;

/** The status of a step of a run. See {@code docs/lifecycles.md} for the allowed transitions. */
public enum StepStatus {
  PENDING,
  /** Its dependencies have ended; waiting for the scheduler. */
  READY,
  RUNNING,
  /** Suspended on a timer, an event, a person or a child run. */
  WAITING,
  COMPLETED,
  FAILED,
  SKIPPED,
  CANCELLED;

  /** Whether the step has ended (for this run; a retry of the run may start it again). */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == SKIPPED || this == CANCELLED;
  }
}
