package io.baton.engine.scheduler;

import java.util.function.Consumer;

/**
 * A ready step waiting for capacity. When the scheduler grants it, {@code dispatch} runs (outside
 * the scheduler's lock) and must eventually {@link StepScheduler#release release} the key.
 */
public final class QueuedTask {
  private final TaskKey key;
  private final Consumer<TaskKey> dispatch;
  long seq;

  /**
   * @param key the step
   * @param dispatch starts the step once capacity is granted
   */
  public QueuedTask(TaskKey key, Consumer<TaskKey> dispatch) {
    this.key = key;
    this.dispatch = dispatch;
  }

  /** The step. */
  public TaskKey key() {
    return key;
  }

  void dispatch() {
    dispatch.accept(key);
  }
}
