package io.baton.api.definition;

import java.util.Objects;

/**
 * A step's {@code onError}: {@code fail}, {@code continue} or {@code {goto: fallbackStep}}.
 *
 * @param action what the failure does
 * @param target the fallback step for {@link ErrorAction#GOTO}, otherwise null
 */
public record ErrorPolicy(ErrorAction action, String target) {

  /** The default: a failed step fails the run. */
  public static final ErrorPolicy FAIL = new ErrorPolicy(ErrorAction.FAIL, null);

  /** Record the failure and go on. */
  public static final ErrorPolicy CONTINUE = new ErrorPolicy(ErrorAction.CONTINUE, null);

  public ErrorPolicy {
    Objects.requireNonNull(action, "action");
    if ((action == ErrorAction.GOTO) != (target != null)) {
      throw new IllegalArgumentException("a target is required with goto, and only with goto");
    }
  }

  /** Go on at {@code stepId} when the step fails. */
  public static ErrorPolicy goTo(String stepId) {
    return new ErrorPolicy(ErrorAction.GOTO, stepId);
  }
}
