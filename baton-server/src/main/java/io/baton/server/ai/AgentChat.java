package io.baton.server.ai;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepView;
import io.baton.api.time.TimeSource;
import io.baton.engine.Baton;
import io.baton.engine.RunTimeoutException;
import io.baton.server.audit.AuditLog;
import io.baton.server.execution.ExecutionIndex;
import io.baton.server.security.Caller;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A message to an agent, answered by a run of one {@code agent} step (workflow {@code
 * agent-chat.<name>}), so that the call is journaled, retried, metered and listed with the
 * namespace's executions like any other. The answer comes back when the run ends within {@code
 * baton.ai.chat-timeout}; otherwise the run goes on and the answer says where to look.
 *
 * <p>Messages belong to a conversation ({@link Conversations}): the agent's prompt carries the
 * conversation's last {@code baton.ai.chat-history} messages (default 20) before the new one, so
 * the agent remembers what was said, across restarts.
 */
@Component
public class AgentChat {
  private static final String FLOW =
      """
      id: "agent-chat.%s"
      name: "Chat with %s"
      inputs:
        type: object
        required: [message, prompt]
        properties:
          message: {type: string}
          prompt: {type: string}
      steps:
        - id: reply
          type: agent
          agent: "%s"
          input:
            prompt: ${inputs.prompt}
      outputs:
        reply: ${steps.reply.output}
      """;

  private final Baton baton;
  private final ExecutionIndex index;
  private final AuditLog audit;
  private final TimeSource clock;
  private final Conversations conversations;
  private final Limits limits;

  /**
   * How long an answer is waited for, and how many earlier messages the agent is shown.
   *
   * @param timeout the wait for the run's end
   * @param history the most messages of the conversation replayed to the agent
   */
  @org.springframework.stereotype.Component
  record Limits(
      @Value("${baton.ai.chat-timeout:60s}") Duration timeout,
      @Value("${baton.ai.chat-history:20}") int history) {}

  AgentChat(
      Baton baton,
      ExecutionIndex index,
      AuditLog audit,
      TimeSource clock,
      Conversations conversations,
      Limits limits) {
    this.baton = baton;
    this.index = index;
    this.audit = audit;
    this.clock = clock;
    this.conversations = conversations;
    this.limits = limits;
  }

  /**
   * Asks agent {@code name} (already checked visible to the caller) within conversation {@code
   * conversationId} (null: a new one) → {@code {conversationId, executionId, agent, status, reply,
   * json, model, offline, usage}}; {@code reply} is null while the run goes on.
   */
  public Map<String, Object> chat(
      Caller caller, String name, String message, String conversationId) {
    String conversation =
        conversationId == null
            ? conversations.start(caller, name)
            : conversations.get(caller, name, conversationId).id();
    String prompt =
        prompt(conversations.get(caller, name, conversation).messages(), message, limits.history());
    conversations.add(conversation, new Conversations.Message("user", message, null, clock.now()));
    WorkflowDefinition flow =
        baton.loader().parse(FLOW.formatted(name, name, name), "agent chat").orThrow();
    String runId = baton.start(flow, Map.of("message", message, "prompt", prompt)).id();
    index.add(
        new ExecutionIndex.Entry(
            runId,
            caller.namespace(),
            flow.id(),
            flow.version(),
            RunStatus.RUNNING,
            caller.subject(),
            clock.now()));
    audit.record(caller, "agent.chat", "agent", name, null, Map.of("executionId", runId));
    RunView view;
    try {
      view = baton.await(runId, limits.timeout());
    } catch (RunTimeoutException e) {
      view = baton.status(runId);
    }
    Map<String, Object> answer = answer(name, view);
    conversations.add(
        conversation,
        new Conversations.Message("assistant", (String) answer.get("reply"), runId, clock.now()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("conversationId", conversation);
    out.putAll(answer);
    return out;
  }

  /**
   * The prompt: the new message alone, or after the conversation's last {@code limit} messages that
   * have a text.
   */
  static String prompt(List<Conversations.Message> history, String message, int limit) {
    List<Conversations.Message> said = history.stream().filter(m -> m.text() != null).toList();
    if (said.isEmpty() || limit == 0) {
      return message;
    }
    StringBuilder out = new StringBuilder("The conversation so far:\n");
    for (Conversations.Message m : said.subList(Math.max(0, said.size() - limit), said.size())) {
      out.append(m.role().equals("user") ? "User: " : "Assistant: ").append(m.text()).append('\n');
    }
    return out.append("\nThe user's new message:\n").append(message).toString();
  }

  private static Map<String, Object> answer(String name, RunView view) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("executionId", view.runId());
    out.put("agent", name);
    out.put("status", view.status().name());
    StepView step = view.step("reply");
    Map<?, ?> output = step != null && step.output() instanceof Map<?, ?> m ? m : Map.of();
    Object text = output.get("text");
    out.put("reply", text == null ? null : text.toString());
    out.put("json", output.get("json"));
    out.put("model", output.get("model"));
    out.put("offline", output.get("offline"));
    out.put("usage", output.get("usage"));
    if (view.failure() != null) {
      out.put("error", view.failure().message());
    }
    return out;
  }
}
