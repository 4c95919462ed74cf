package io.baton.ai.step;

import io.baton.api.definition.CustomStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.StepExecutor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code code}: with a {@code script}, runs that JavaScript in the sandbox with the step's {@code
 * input} as the global {@code input}; the value of its last expression is the step's output and its
 * console lines go to the step's log. Without a {@code script}, a {@code code} agent writes the
 * script ({@link CodeAgent}).
 *
 * <pre>{@code
 * - id: total
 *   type: code
 *   input: {items: "${steps.cart.output.items}"}
 *   script: |
 *     console.log('items:', input.items.length);
 *     input.items.reduce((sum, i) => sum + i.price * i.qty, 0)
 * }</pre>
 *
 * <p>Failures are not retryable — the same script on the same input fails the same way: a syntax
 * error or an exception is {@code bad_input} with the line and column, a script stopped by a limit
 * (CPU time {@code timeLimitMs}, default 5 s; statements; memory) is {@code timeout}; both carry
 * {@code retryable: false} ({@link ScriptRunner.ScriptFailure#toStepFailure}).
 */
public final class CodeStepExecutor implements StepExecutor<CustomStep> {
  private static final Duration DEFAULT_LIMIT = Duration.ofSeconds(5);

  private final Supplier<ScriptRunner> sandbox;
  private final StepExecutor<CustomStep> agent;

  /**
   * @param sandbox runs scripts (gives null when no sandbox is installed)
   * @param agent runs {@code code} steps without a script, as a code agent
   */
  public CodeStepExecutor(Supplier<ScriptRunner> sandbox, StepExecutor<CustomStep> agent) {
    this.sandbox = sandbox;
    this.agent = agent;
  }

  @Override
  public String type() {
    return "code";
  }

  @Override
  public Class<CustomStep> definitionType() {
    return CustomStep.class;
  }

  @Override
  public Object execute(CustomStep step, StepContext context) throws Exception {
    if (!(step.config().get("script") instanceof String script)) {
      return agent.execute(step, context);
    }
    ScriptRunner runner = require(sandbox.get(), "step '" + step.id() + "'");
    Duration limit =
        step.config().get("timeLimitMs") instanceof Number n
            ? Duration.ofMillis(n.longValue())
            : DEFAULT_LIMIT;
    ScriptRunner.Result result;
    try {
      result = runner.execute(script, context.inputMap(), limit);
    } catch (ScriptRunner.ScriptFailure e) {
      throw new StepException(e.toStepFailure("step '" + step.id() + "'"));
    }
    result.console().lines().forEach(context::log);
    return result.value();
  }

  /** The sandbox, or a clear failure naming {@code who} needs it. */
  public static ScriptRunner require(ScriptRunner runner, String who) {
    if (runner == null) {
      throw new StepException(
          ErrorKind.NOT_FOUND,
          who
              + " needs the JavaScript sandbox: add the baton-sandbox module to the class path"
              + " (the CLI and the server include it)");
    }
    return runner;
  }

  @Override
  public Map<String, Object> configSchema() {
    Map<String, Object> schema = new LinkedHashMap<>(ConfigSchemas.agentStep());
    @SuppressWarnings("unchecked")
    Map<String, Object> properties =
        new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
    properties.put("script", ConfigSchemas.text());
    properties.put("timeLimitMs", ConfigSchemas.positive());
    schema.put("properties", properties);
    return schema;
  }
}
