package io.baton.engine.runtime;

import io.baton.api.run.StepFailure;

/**
 * How a handler ended: with an output (JSON) or a failure.
 *
 * @param output the handler's output, when it succeeded
 * @param failure why it failed, or null when it succeeded
 */
public record TaskOutcome(Object output, StepFailure failure) {}
