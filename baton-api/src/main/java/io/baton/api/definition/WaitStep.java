package io.baton.api.definition;

import java.time.Duration;

/**
 * Waits without holding a thread: for a duration, until a time, or until an event arrives. Exactly
 * one of {@code duration}, {@code until} and {@code event} is set. A wait for an event may have a
 * {@code timeout}, after which the step fails with kind {@code timeout}. Its output is the event's
 * payload, or {@code {"firedAt": time}} for timers.
 *
 * @param duration how long to wait
 * @param until a template giving an ISO-8601 instant to wait until
 * @param event the event to wait for
 */
public record WaitStep(StepCommon common, Duration duration, String until, EventWait event)
    implements StepDef {
  @Override
  public String type() {
    return "wait";
  }

  @Override
  public WaitStep withCommon(StepCommon c) {
    return new WaitStep(c, duration, until, event);
  }
}
