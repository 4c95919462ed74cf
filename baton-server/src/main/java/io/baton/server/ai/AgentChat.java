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
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A message to an agent, answered by a run of one {@code agent} step (workflow {@code
 * agent-chat.<name>}), so that the call is journaled, retried, metered and listed with the
 * namespace's executions like any other. The answer comes back when the run ends within {@code
 * baton.ai.chat-timeout}; otherwise the run goes on and the answer says where to look.
 */
@Component
public class AgentChat {
  private static final String FLOW =
      """
      id: "agent-chat.%s"
      name: "Chat with %s"
      inputs:
        type: object
        required: [message]
        properties:
          message: {type: string}
      steps:
        - id: reply
          type: agent
          agent: "%s"
          input:
            prompt: ${inputs.message}
      outputs:
        reply: ${steps.reply.output}
      """;

  private final Baton baton;
  private final ExecutionIndex index;
  private final AuditLog audit;
  private final TimeSource clock;
  private final Duration timeout;

  AgentChat(
      Baton baton,
      ExecutionIndex index,
      AuditLog audit,
      TimeSource clock,
      @Value("${baton.ai.chat-timeout:60s}") Duration timeout) {
    this.baton = baton;
    this.index = index;
    this.audit = audit;
    this.clock = clock;
    this.timeout = timeout;
  }

  /**
   * Asks agent {@code name} (already checked visible to the caller) → {@code {executionId, agent,
   * status, reply, json, model, offline, usage}}; {@code reply} is null while the run goes on.
   */
  public Map<String, Object> chat(Caller caller, String name, String message) {
    WorkflowDefinition flow =
        baton.loader().parse(FLOW.formatted(name, name, name), "agent chat").orThrow();
    String runId = baton.start(flow, Map.of("message", message)).id();
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
      view = baton.await(runId, timeout);
    } catch (RunTimeoutException e) {
      view = baton.status(runId);
    }
    return answer(name, view);
  }

  private static Map<String, Object> answer(String name, RunView view) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("executionId", view.runId());
    out.put("agent", name);
    out.put("status", view.status().name());
    StepView step = view.step("reply");
    Map<?, ?> output = step != null && step.output() instanceof Map<?, ?> m ? m : Map.of();
    out.put("reply", output.get("text"));
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
