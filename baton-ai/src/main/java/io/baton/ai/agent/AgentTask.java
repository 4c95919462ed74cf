package io.baton.ai.agent;

import dev.langchain4j.data.message.Content;
import java.util.List;
import java.util.Map;

/**
 * What one step asks of an agent.
 *
 * @param prompt the request
 * @param attachments images and other content sent with it (multimodal agents)
 * @param outputSchema a schema for this step's answer, or null for the agent's own
 * @param extraTools tools this step adds to the agent's
 * @param stream whether to stream the answer as step events
 */
public record AgentTask(
    String prompt,
    List<Content> attachments,
    Map<String, Object> outputSchema,
    List<String> extraTools,
    boolean stream) {
  public AgentTask {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    extraTools = extraTools == null ? List.of() : List.copyOf(extraTools);
  }

  /** A plain request. */
  public static AgentTask of(String prompt) {
    return new AgentTask(prompt, List.of(), null, List.of(), false);
  }

  /** A copy with another prompt. */
  public AgentTask withPrompt(String newPrompt) {
    return new AgentTask(newPrompt, attachments, outputSchema, extraTools, stream);
  }
}
