package io.baton.ai.tool;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import io.baton.ai.internal.JsonCodec;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.Tool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out the tool calls a model asks for. A tool that fails, or a call with bad arguments or
 * an unknown tool, becomes an error result the model sees and can react to (as a person would read
 * an error message); only a cancellation stops the step.
 */
public final class ToolInvoker {
  private ToolInvoker() {}

  /**
   * Calls the tool {@code request} names among {@code allowed}.
   *
   * @param callNumber the call's number in the step, for its idempotency key
   * @return the result message for the model and the record of the call
   */
  public static Outcome invoke(
      ToolExecutionRequest request, List<Tool> allowed, StepContext context, int callNumber) {
    Tool tool =
        allowed.stream().filter(t -> t.name().equals(request.name())).findFirst().orElse(null);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("tool", request.name());
    String resultText;
    boolean failed = false;
    try {
      if (tool == null) {
        throw new IllegalArgumentException(
            "there is no tool '"
                + request.name()
                + "'; the tools are "
                + allowed.stream().map(Tool::name).toList());
      }
      Map<String, Object> args = JsonCodec.readObject(request.arguments());
      record.put("arguments", args);
      Object result = tool.invoke(args, new ToolCallContext(context, args, callNumber));
      record.put("result", result);
      resultText = result instanceof String s ? s : JsonCodec.write(result);
    } catch (StepException e) {
      if (e.failure().kind() == ErrorKind.CANCELLED) {
        throw e;
      }
      failed = true;
      resultText = "error: " + e.getMessage();
    } catch (Exception e) {
      failed = true;
      resultText =
          "error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    if (failed) {
      record.put("error", resultText);
    }
    context.emit("ai.tool", record);
    return new Outcome(ToolExecutionResultMessage.from(request, resultText), record, failed);
  }

  /**
   * One tool call's result.
   *
   * @param message what the model reads
   * @param record what the step's output records
   * @param failed whether it failed
   */
  public record Outcome(
      ToolExecutionResultMessage message, Map<String, Object> record, boolean failed) {}
}
