package io.baton.api.run;

/** The status of a run. See {@code docs/lifecycles.md} for the allowed transitions. */
public enum RunStatus {
  PENDING,
  RUNNING,
  PAUSED,
  /** Nothing can progress until a timer fires, an event arrives or a person answers. */
  WAITING,
  COMPLETED,
  FAILED,
  CANCELLED,
  TIMED_OUT;

  /** Whether the run has ended for good. */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED || this == TIMED_OUT;
  }
}
