package io.baton.api.definition;

/** What a {@link HumanStep} does when nobody answers in time. */
public enum TimeoutAction {
  /** The step fails with kind {@code timeout} (its retry and onError apply). */
  FAIL,
  /** The step completes with the human step's {@code defaultValue}. */
  USE_DEFAULT,
  /** The step is skipped. */
  SKIP
}
