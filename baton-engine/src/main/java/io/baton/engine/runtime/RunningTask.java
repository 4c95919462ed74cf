package io.baton.engine.runtime;

import io.baton.api.time.TimeSource;
import io.baton.engine.scheduler.QueuedTask;
import io.baton.engine.scheduler.TaskKey;

/**
 * A step handler queued or running for a run: what the decider needs to interrupt or withdraw it.
 */
final class RunningTask {
  final TaskKey key;
  final int attempt;

  /**
   * The wait whose answer this execution of the attempt runs with, or null: an attempt that asks a
   * person runs again with the answer, and the outcome of its earlier execution must not count.
   */
  final String answered;

  volatile Thread thread;
  volatile boolean cancelled;
  volatile boolean acquired;

  /** Handed to a {@link TaskDispatcher} rather than run on a thread of this engine. */
  boolean remote;

  final java.util.concurrent.atomic.AtomicBoolean released =
      new java.util.concurrent.atomic.AtomicBoolean();
  QueuedTask queued;
  TimeSource.Cancellable timeout;

  RunningTask(TaskKey key, int attempt, String answered) {
    this.key = key;
    this.attempt = attempt;
    this.answered = answered;
  }

  /** Stops the handler: flags it and interrupts its thread, if it has one yet. */
  void cancel() {
    cancelled = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
    if (timeout != null) {
      timeout.cancel();
    }
  }
}
