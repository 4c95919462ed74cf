package io.baton.api.run;

import java.util.Locale;

/** What went wrong in a step, classified so that retries and fallbacks can act on it. */
public enum ErrorKind {
  TIMEOUT(ErrorCategory.RETRYABLE),
  UNAVAILABLE(ErrorCategory.RETRYABLE),
  RATE_LIMITED(ErrorCategory.RETRYABLE),
  /** A handler threw an exception that says nothing more: assumed transient. */
  UNKNOWN(ErrorCategory.RETRYABLE),
  BAD_INPUT(ErrorCategory.NON_RETRYABLE),
  /** A handler returned a value that is not JSON, or one that breaks the step's output schema. */
  BAD_OUTPUT(ErrorCategory.NON_RETRYABLE),
  PERMISSION_DENIED(ErrorCategory.NON_RETRYABLE),
  NOT_FOUND(ErrorCategory.NON_RETRYABLE),
  /** An expression or template could not be evaluated. */
  EXPRESSION(ErrorCategory.NON_RETRYABLE),
  /** The step or run was cancelled. */
  CANCELLED(ErrorCategory.NON_RETRYABLE),
  OUT_OF_MEMORY(ErrorCategory.SYSTEM),
  DISK_FULL(ErrorCategory.SYSTEM),
  DEPENDENCY_DOWN(ErrorCategory.SYSTEM);

  private final ErrorCategory category;

  ErrorKind(ErrorCategory category) {
    this.category = category;
  }

  /** The class of the error. */
  public ErrorCategory category() {
    return category;
  }

  /** The kind as written in definitions and journals: {@code timeout}, {@code rate_limited}, … */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
