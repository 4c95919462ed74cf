package io.baton.ai.tool;

import io.baton.api.spi.AwaitInput;
import io.baton.api.spi.StepContext;
import io.baton.api.time.TimeSource;

/**
 * A step context that forwards everything to the context of the step it works in; subclasses change
 * what is theirs (a tool call's input and journal keys, a team turn's blackboard).
 */
abstract class ForwardingStepContext implements StepContext {
  /** The context of the step. */
  protected final StepContext step;

  ForwardingStepContext(StepContext step) {
    this.step = step;
  }

  /** The run whose blackboard the agents working in this context share ({@link Blackboards}). */
  String blackboardRunId() {
    return Blackboards.runOf(step);
  }

  @Override
  public String runId() {
    return step.runId();
  }

  @Override
  public String workflowId() {
    return step.workflowId();
  }

  @Override
  public String path() {
    return step.path();
  }

  @Override
  public String stepId() {
    return step.stepId();
  }

  @Override
  public int attempt() {
    return step.attempt();
  }

  @Override
  public String idempotencyKey() {
    return step.idempotencyKey();
  }

  @Override
  public Object input() {
    return step.input();
  }

  @Override
  public AwaitInput.Answer answer() {
    return step.answer();
  }

  @Override
  public TimeSource clock() {
    return step.clock();
  }

  @Override
  public boolean isCancelled() {
    return step.isCancelled();
  }

  @Override
  public void log(String message) {
    step.log(message);
  }

  @Override
  public void emit(String type, Object data) {
    step.emit(type, data);
  }

  @Override
  public void record(String key, Object value) {
    step.record(key, value);
  }

  @Override
  public Object recorded(String key) {
    return step.recorded(key);
  }
}
