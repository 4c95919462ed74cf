package io.baton.ai.tool;

import io.baton.api.spi.AwaitInput;
import io.baton.api.spi.StepContext;

/**
 * The context a tool gets when an agent calls it inside a step: the step's, with the call's
 * arguments as input and an idempotency key of its own ({@code runId/path/attempt/tool/agent/N}:
 * the agent's N-th tool call in the attempt), the same on every re-execution of the attempt, so
 * that the tool can de-duplicate its side effect. What the tool records is journaled under the
 * call's name.
 */
public final class ToolCallContext extends ForwardingStepContext {
  private final Object arguments;
  private final String call;

  /**
   * @param step the step the agent runs in
   * @param arguments the call's arguments
   * @param call the call's name in the attempt ({@code tool/researcher/2})
   */
  public ToolCallContext(StepContext step, Object arguments, String call) {
    super(step);
    this.arguments = arguments;
    this.call = call;
  }

  /** The agent that made the call ({@code researcher} in {@code tool/researcher/2}). */
  public String caller() {
    String[] parts = call.split("/");
    return parts.length >= 3 ? parts[1] : stepId();
  }

  @Override
  public String idempotencyKey() {
    return step.idempotencyKey() + "/" + call;
  }

  @Override
  public void record(String key, Object value) {
    step.record(call + "/" + key, value);
  }

  @Override
  public Object recorded(String key) {
    return step.recorded(call + "/" + key);
  }

  @Override
  public Object input() {
    return arguments;
  }

  /** None: an answer the step was given is not an answer to anything the tool asked. */
  @Override
  public AwaitInput.Answer answer() {
    return null;
  }
}
