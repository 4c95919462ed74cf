package io.baton.api.run;

/** What a suspended step waits for. */
public enum WaitKind {
  /** A point in time (wait steps with a duration or a time; retries use their own events). */
  TIMER,
  /** An event with a name and a correlation key. */
  EVENT,
  /** A person's input. */
  HUMAN,
  /** A child run (subworkflow). */
  CHILD_RUN
}
