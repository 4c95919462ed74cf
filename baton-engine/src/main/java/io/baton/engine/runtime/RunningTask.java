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
  volatile Thread thread;
  volatile boolean cancelled;
  volatile boolean acquired;

  /** Handed to a {@link TaskDispatcher} rather than run on a thread of this engine. */
  boolean remote;

  final java.util.concurrent.atomic.AtomicBoolean released =
      new java.util.concurrent.atomic.AtomicBoolean();
  QueuedTask queued;
  TimeSource.Cancellable timeout;

  RunningTask(TaskKey key, int attempt) {
    this.key = key;
    this.attempt = attempt;
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
