package io.baton.ai.model;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import java.util.List;
import java.util.Map;

/**
 * One call to a model, whatever the provider.
 *
 * @param agent the agent making the call (for accounting, budgets and the offline script), or null
 * @param messages the conversation so far
 * @param tools the tools the model may call
 * @param outputSchema the JSON Schema the answer must match, or null for free text
 * @param temperature sampling temperature, or null for the provider's default
 * @param maxTokens the most output tokens, or null for the provider's default
 * @param stream whether to stream the answer as {@code ai.delta} step events
 */
public record ModelRequest(
    String agent,
    List<ChatMessage> messages,
    List<ToolSpecification> tools,
    Map<String, Object> outputSchema,
    Double temperature,
    Integer maxTokens,
    boolean stream) {

  public ModelRequest {
    messages = List.copyOf(messages);
    tools = tools == null ? List.of() : List.copyOf(tools);
  }

  /** A plain request: messages only. */
  public static ModelRequest of(String agent, List<ChatMessage> messages) {
    return new ModelRequest(agent, messages, List.of(), null, null, null, false);
  }

  /** A copy with other messages. */
  public ModelRequest withMessages(List<ChatMessage> newMessages) {
    return new ModelRequest(
        agent, newMessages, tools, outputSchema, temperature, maxTokens, stream);
  }
}
