package io.baton.ai.step;

import java.time.Duration;
import java.util.Map;

/**
 * Runs JavaScript in a sandbox: what {@code code} agents and the {@code js_transform} tool use.
 * {@code baton-sandbox} provides one (GraalJS, constrained policy, no host access); it is found
 * through {@link java.util.ServiceLoader} or given to {@link io.baton.ai.BatonAi#scriptRunner}.
 */
public interface ScriptRunner {

  /**
   * Evaluates {@code source} with {@code input} bound as the global {@code input}; the value of the
   * last expression is the result, as JSON-like values.
   *
   * @throws ScriptFailure when the script does not compile, throws, or exceeds a limit
   */
  Object run(String source, Map<String, Object> input, Duration timeLimit);

  /** A script that failed, with the reason a model can act on. */
  class ScriptFailure extends RuntimeException {
    private final boolean limitExceeded;

    /**
     * @param message what went wrong, with the script's line where known
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
  }
}
