package io.baton.api.run;

/** The three classes of errors of seed 002, by which retry policies decide what to retry. */
public enum ErrorCategory {
  /** Transient: trying again may work (timeout, unavailable, rate limited). */
  RETRYABLE,
  /** Trying again cannot work (bad input, permission denied, not found). */
  NON_RETRYABLE,
  /** The platform itself is in trouble (out of memory, disk full, dependency down). */
  SYSTEM
}
