package io.baton.api.definition;

/** How the delay between retries grows: constant, by the initial delay each time, or doubling. */
public enum Backoff {
  FIXED,
  LINEAR,
  EXPONENTIAL
}
