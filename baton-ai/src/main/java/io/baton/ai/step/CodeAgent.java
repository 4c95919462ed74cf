package io.baton.ai.step;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentOutcome;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.agent.AgentTask;
import io.baton.ai.internal.JsonCodec;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code code}: the agent writes JavaScript, the sandbox runs it, and an error goes back to the
 * agent to fix, up to {@code maxIterations} attempts. The output is the script's result with the
 * final script and each attempt.
 */
public final class CodeAgent implements AgentBehaviour {
  private static final Duration DEFAULT_LIMIT = Duration.ofSeconds(5);

  private final AgentRunner runner;
  private final Supplier<ScriptRunner> sandbox;

  /**
   * @param runner writes the code
   * @param sandbox runs it (null when no sandbox is installed)
   */
  public CodeAgent(AgentRunner runner, Supplier<ScriptRunner> sandbox) {
    this.runner = runner;
    this.sandbox = sandbox;
  }

  @Override
  public Object perform(AgentDefinition agent, AgentTask task, StepContext context) {
    ScriptRunner scripts =
        CodeStepExecutor.require(sandbox.get(), "code agent '" + agent.name() + "'");
    Duration limit =
        agent.options().get("timeLimitMs") instanceof Number n
            ? Duration.ofMillis(n.longValue())
            : DEFAULT_LIMIT;
    String instructions =
        "Write JavaScript that computes the answer. The task's data is the global `input`. "
            + "The value of the last expression is the result. Answer with only the code.\n\nTask: ";
    AgentTask attempt = task.withPrompt(instructions + task.prompt());
    List<Map<String, Object>> attempts = new ArrayList<>();
    for (int i = 1; i <= agent.maxIterations(); i++) {
      AgentOutcome written = runner.run(agent, attempt, context);
      String code = stripFence(written.text());
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("code", code);
      try {
        Object result = scripts.run(code, context.inputMap(), limit);
        record.put("result", result);
        attempts.add(record);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("agent", agent.name());
        out.put("result", result);
        out.put("code", code);
        out.put("attempts", attempts);
        return out;
      } catch (ScriptRunner.ScriptFailure e) {
        record.put("error", e.getMessage());
        attempts.add(record);
        attempt =
            task.withPrompt(
                instructions
                    + task.prompt()
                    + "\n\nYour previous code:\n"
                    + code
                    + "\nfailed with: "
                    + e.getMessage()
                    + "\nWrite corrected code.");
      }
    }
    throw new StepException(
        ErrorKind.BAD_OUTPUT,
        "code agent '"
            + agent.name()
            + "' wrote no working script in "
            + agent.maxIterations()
            + " attempts: "
            + JsonCodec.write(attempts));
  }

  static String stripFence(String text) {
    String t = text.strip();
    if (t.startsWith("```")) {
      int start = t.indexOf('\n');
      int end = t.lastIndexOf("```");
      if (start > 0 && end > start) {
        return t.substring(start + 1, end).strip();
      }
    }
    return t;
  }
}
