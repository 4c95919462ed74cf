package io.baton.engine.runtime;

import io.baton.api.run.StepFailure;
import io.baton.api.spi.AwaitInput;

/**
 * How a handler ended: with an output (JSON), a question for a person, or a failure.
 *
 * @param output the handler's output, when it succeeded
 * @param failure why it failed, or null when it succeeded
 * @param awaiting what it asks a person (it returned an {@link AwaitInput}): the run waits for the
 *     answer and runs the step again with it; null otherwise
 */
public record TaskOutcome(Object output, StepFailure failure, AwaitInput awaiting) {

  /** The handler returned {@code output}. */
  public static TaskOutcome of(Object output) {
    return new TaskOutcome(output, null, null);
  }

  /** The handler failed. */
  public static TaskOutcome failed(StepFailure failure) {
    return new TaskOutcome(null, failure, null);
  }

  /** What the run's decider is told: the question, or the output. */
  public Object result() {
    return awaiting != null ? awaiting : output;
  }
}
