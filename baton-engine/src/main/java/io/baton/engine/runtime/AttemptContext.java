package io.baton.engine.runtime;

import io.baton.api.spi.RunListener;
import io.baton.api.spi.StepContext;
import io.baton.api.time.TimeSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link StepContext} of one attempt of a handler-run step. */
final class AttemptContext implements StepContext {
  private static final Logger LOG = LoggerFactory.getLogger("io.baton.step");
  private final String runId;
  private final String workflowId;
  private final String path;
  private final String stepId;
  private final int attempt;
  private final Object input;
  private final io.baton.api.spi.AwaitInput.Answer answer;
  private final TimeSource clock;
  private final RunningTask task;
  private final List<RunListener> listeners;
  private AttemptJournal journal;

  AttemptContext(
      String runId,
      String workflowId,
      String path,
      String stepId,
      int attempt,
      Object input,
      io.baton.api.spi.AwaitInput.Answer answer,
      TimeSource clock,
      RunningTask task,
      List<RunListener> listeners) {
    this.runId = runId;
    this.workflowId = workflowId;
    this.path = path;
    this.stepId = stepId;
    this.attempt = attempt;
    this.input = input;
    this.answer = answer;
    this.clock = clock;
    this.task = task;
    this.listeners = listeners;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public String workflowId() {
    return workflowId;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String stepId() {
    return stepId;
  }

  @Override
  public int attempt() {
    return attempt;
  }

  @Override
  public String idempotencyKey() {
    return runId + "/" + path + "/" + attempt;
  }

  @Override
  public Object input() {
    return input;
  }

  @Override
  public io.baton.api.spi.AwaitInput.Answer answer() {
    return answer;
  }

  @Override
  public TimeSource clock() {
    return clock;
  }

  @Override
  public boolean isCancelled() {
    return task != null && task.cancelled;
  }

  @Override
  public void log(String message) {
    LOG.debug("[{} {}] {}", runId, path, message);
    emit("log", message);
  }

  /** Lets the handler journal its progress; without it, {@link #record} is refused. */
  AttemptContext journaling(AttemptJournal journal) {
    this.journal = journal;
    return this;
  }

  @Override
  public void record(String key, Object value) {
    if (journal == null) {
      StepContext.super.record(key, value);
    }
    journal.record(key, value);
  }

  @Override
  public Object recorded(String key) {
    return journal == null ? null : journal.recorded(key);
  }

  @Override
  public void emit(String type, Object data) {
    for (RunListener listener : listeners) {
      try {
        listener.onStepEmit(runId, path, type, data);
      } catch (RuntimeException e) {
        LOG.warn("run listener {} failed on an emit of {}", listener, path, e);
      }
    }
  }
}
