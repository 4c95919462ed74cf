package io.baton.ai.step;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepFailure;
import java.time.Duration;
import java.util.Map;

/**
 * Runs JavaScript in a sandbox: what {@code code} steps, {@code code} agents and the {@code code}
 * tool use. {@code baton-sandbox} provides one (GraalJS, constrained policy, no host access); it is
 * found through {@link java.util.ServiceLoader} or given to {@link
 * io.baton.ai.BatonAi#scriptRunner}.
 */
public interface ScriptRunner {

  /**
   * Evaluates {@code source} with {@code input} bound as the global {@code input}; the value of the
   * last expression is the result, as JSON-like values.
   *
   * @throws ScriptFailure when the script does not compile, throws, or exceeds a limit
   */
  default Object run(String source, Map<String, Object> input, Duration timeLimit) {
    return execute(source, input, timeLimit).value();
  }

  /**
   * Runs {@code source} like {@link #run}, and returns its console output with its value.
   *
   * @param timeLimit the script's CPU time, or null for the runner's default
   * @throws ScriptFailure when the script does not compile, throws, or exceeds a limit
   */
  Result execute(String source, Map<String, Object> input, Duration timeLimit);

  /**
   * A script's value and what it wrote to the console.
   *
   * @param value the value of its last expression, as JSON-like values
   * @param console what {@code console.log} and friends printed
   */
  record Result(Object value, String console) {}

  /** A script that failed, with the reason a model can act on. */
  class ScriptFailure extends RuntimeException {
    private final boolean limitExceeded;

    /**
     * @param message what went wrong, with the script's line and column where known
     * @param limitExceeded whether a time or memory limit stopped it
     */
    public ScriptFailure(String message, boolean limitExceeded) {
      super(message);
      this.limitExceeded = limitExceeded;
    }

    /** Whether a time or memory limit stopped it. */
    public boolean limitExceeded() {
      return limitExceeded;
    }

    /**
     * This failure as a step's: never retryable, as the same script on the same input fails the
     * same way — {@code timeout} when a limit stopped it, {@code bad_input} otherwise.
     *
     * @param who what ran the script ({@code step 'total'}, {@code tool code}), for the message
     */
    public StepFailure toStepFailure(String who) {
      return new StepFailure(
          limitExceeded ? ErrorKind.TIMEOUT : ErrorKind.BAD_INPUT,
          who + ": " + getMessage(),
          false,
          Map.of("limitExceeded", limitExceeded));
    }
  }
}
