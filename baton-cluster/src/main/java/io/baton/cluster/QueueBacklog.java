package io.baton.cluster;

import io.baton.engine.runtime.StepTask;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to the step queue that failed while the database was away: a ready step to queue, or an
 * attempt to withdraw. A run's decider hands them over without waiting (its step's start is already
 * durable in the journal), and they are written at the next heartbeat that reaches the database. A
 * node that dies meanwhile loses nothing: whoever takes its runs over queues their started steps
 * again on recovery.
 */
final class QueueBacklog {
  private static final Logger LOG = LoggerFactory.getLogger(QueueBacklog.class);

  private final TaskQueue tasks;
  private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

  QueueBacklog(TaskQueue tasks) {
    this.tasks = tasks;
  }

  /** Queues {@code task} now, or at a later heartbeat if the database is away. */
  void enqueue(StepTask task, Instant now) {
    attempt(() -> tasks.enqueue(task, now), "queuing step " + task.idempotencyKey());
  }

  /** Withdraws an attempt now, or at a later heartbeat if the database is away. */
  void withdraw(String runId, String path, int attempt) {
    attempt(
        () -> tasks.withdraw(runId, path, attempt),
        "withdrawing step " + runId + "/" + path + "/" + attempt);
  }

  private void attempt(Runnable write, String what) {
    if (!waiting.isEmpty()) {
      waiting.add(write); // after those already waiting, in order
      return;
    }
    try {
      write.run();
    } catch (ClusterStoreException e) {
      LOG.warn("{} failed ({}); tried again at the next heartbeat", what, e.getMessage());
      waiting.add(write);
    }
  }

  /** Writes what is waiting, in order, until one fails again. */
  void retry() {
    Runnable next;
    while ((next = waiting.peek()) != null) {
      next.run(); // a failure stops here: the heartbeat logs it and comes back
      waiting.poll();
    }
  }
}
