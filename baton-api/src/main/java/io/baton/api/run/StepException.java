package io.baton.api.run;

/**
 * Thrown by step handlers, tools and modules to fail a step with a classified failure. Any other
 * exception is classified by the engine (interruption as cancellation, {@link
 * IllegalArgumentException} as bad input, …).
 *
 * <pre>{@code
 * throw new StepException(ErrorKind.RATE_LIMITED, "quota exhausted, retry after 20 s");
 * }</pre>
 */
public class StepException extends RuntimeException {
  private final transient StepFailure failure;

  /** Fails the step with {@code failure}. */
  public StepException(StepFailure failure) {
    super(failure.message());
    this.failure = failure;
  }

  /** Fails the step with a failure of {@code kind}, retryable as the kind's category says. */
  public StepException(ErrorKind kind, String message) {
    this(StepFailure.of(kind, message));
  }

  /** The failure to record. */
  public StepFailure failure() {
    return failure;
  }
}
