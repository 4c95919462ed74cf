package io.baton.ai.tool;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import io.baton.ai.internal.JsonCodec;
import io.baton.ai.journal.CallJournal;
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
 * an error message); only a cancellation stops the step. Each call's result is journaled in the
 * step's attempt ({@link CallJournal}): a re-execution after a crash reads it back instead of
 * calling the tool again.
 */
public final class ToolInvoker {
  private ToolInvoker() {}

  /**
   * Calls the tool {@code request} names among {@code allowed}, or replays the call's journaled
   * result.
   *
   * @param agent the agent that asks, naming its calls in the journal ({@code tool/agent/N})
   * @return the result message for the model and the record of the call
   */
  public static Outcome invoke(
      ToolExecutionRequest request, List<Tool> allowed, StepContext context, String agent) {
    CallJournal journal = CallJournal.of(context);
    String key = journal.nextKey("tool", agent);
    if (journal.recorded(key) instanceof Map<?, ?> recorded
        && "tool".equals(recorded.get("kind"))) {
      @SuppressWarnings("unchecked")
      Map<String, Object> record = new LinkedHashMap<>((Map<String, Object>) recorded.get("call"));
      record.put("replayed", true);
      context.emit("ai.tool", record);
      return new Outcome(
          ToolExecutionResultMessage.from(request, (String) recorded.get("text")),
          record,
          Boolean.TRUE.equals(recorded.get("failed")));
    }
    Outcome outcome = call(request, allowed, context, key);
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("kind", "tool");
    value.put("call", outcome.record());
    value.put("text", outcome.message().text());
    value.put("failed", outcome.failed());
    journal.record(key, value);
    return outcome;
  }

  private static Outcome call(
      ToolExecutionRequest request, List<Tool> allowed, StepContext context, String key) {
    Tool tool =
        allowed.stream().filter(t -> t.name().equals(request.name())).findFirst().orElse(null);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("tool", request.name());
    java.time.Instant startedAt = context.clock().now();
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
      Object result = tool.invoke(args, new ToolCallContext(context, args, key));
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
    // listeners time the call from startedAt (a tracer's span); the step's record stays timeless
    Map<String, Object> event = new LinkedHashMap<>(record);
    event.put("startedAt", startedAt.toString());
    context.emit("ai.tool", event);
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
