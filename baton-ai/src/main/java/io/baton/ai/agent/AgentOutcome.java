package io.baton.ai.agent;

import io.baton.ai.usage.Usage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an agent produced in one step, and how: becomes the step's output.
 *
 * @param agent the agent
 * @param text the final answer's text
 * @param json the structured answer, or null
 * @param turns each model call: its model, text and tool calls
 * @param usage the step's tokens and cost
 * @param model the model of the last call ({@code provider/model})
 * @param offline whether any answer came from the offline model
 */
public record AgentOutcome(
    String agent,
    String text,
    Object json,
    List<Map<String, Object>> turns,
    Usage usage,
    String model,
    boolean offline) {

  /** The step output: {@code text}, {@code json}, {@code agent}, {@code model}, usage, turns. */
  public Map<String, Object> toOutput() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agent", agent);
    out.put("text", text);
    if (json != null) {
      out.put("json", json);
    }
    out.put("model", model);
    out.put("offline", offline);
    out.put("usage", usage.toMap());
    out.put("turns", turns);
    return out;
  }
}
