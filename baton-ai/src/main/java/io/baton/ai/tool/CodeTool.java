package io.baton.ai.tool;

import io.baton.ai.step.CodeStepExecutor;
import io.baton.ai.step.ScriptRunner;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.Tool;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code code} tool: runs JavaScript in the sandbox for agents and {@code tool} steps.
 * Arguments {@code script} and optional {@code input} (the script's global {@code input}); the
 * answer is {@code {result, console}}. A script that fails is an error the agent reads (with the
 * line and column), so that it can correct itself.
 *
 * <pre>{@code
 * {"name": "code", "arguments": {"script": "input.xs.map(x => x * x)", "input": {"xs": [1, 2]}}}
 * // -> {"result": [1, 4], "console": ""}
 * }</pre>
 */
public final class CodeTool {
  /** The tool's name. */
  public static final String NAME = "code";

  private static final Duration LIMIT = Duration.ofSeconds(5);

  private CodeTool() {}

  /** The tool, running scripts on the sandbox {@code sandbox} gives. */
  public static Tool of(Supplier<ScriptRunner> sandbox) {
    return Tool.of(
        NAME,
        "Runs JavaScript in a sandbox (no files, network or host access; 5 s of CPU). The global"
            + " `input` holds the `input` argument; the value of the last expression is the"
            + " result; console.log output is returned as `console`.",
        Map.of(
            "type",
            "object",
            "properties",
            Map.of(
                "script",
                Map.of("type", "string", "description", "the JavaScript to run"),
                "input",
                Map.of("type", "object", "description", "the script's global `input`")),
            "required",
            List.of("script")),
        (arguments, context) -> {
          if (!(arguments.get("script") instanceof String script) || script.isBlank()) {
            throw new StepException(
                ErrorKind.BAD_INPUT, "tool code: argument 'script' (a string) is required");
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> input =
              arguments.get("input") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
          try {
            ScriptRunner.Result result =
                CodeStepExecutor.require(sandbox.get(), "tool code").execute(script, input, LIMIT);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("result", result.value());
            out.put("console", result.console());
            return out;
          } catch (ScriptRunner.ScriptFailure e) {
            throw new StepException(e.toStepFailure("tool code"));
          }
        });
  }
}
