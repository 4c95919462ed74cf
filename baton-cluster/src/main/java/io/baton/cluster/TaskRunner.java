package io.baton.cluster;

import io.baton.api.time.TimeSource;
import io.baton.engine.runtime.NodePort;
import io.baton.engine.runtime.TaskOutcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's executors: claims queued steps up to the node's capacity and runs each on a virtual
 * thread. So that work spreads (seed 004's load-balanced strategy), a node claims at most its fair
 * share of what is queued — the queue divided by the live nodes — per round; the nodes that are
 * less busy come back for more sooner. A step whose run withdraws it (cancelled, timed out) while
 * it runs here is stopped: its handler is told and its thread interrupted.
 */
final class TaskRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
  private static final int COMPLETE_TRIES = 5;

  private final TaskQueue tasks;
  private final NodeTable nodes;
  private final ClusterOptions options;
  private final TimeSource clock;
  private final Worker worker;
  private final Map<Long, Running> runningHere = new ConcurrentHashMap<>();
  private volatile NodePort port;
  private volatile boolean closed;

  TaskRunner(TaskQueue tasks, NodeTable nodes, ClusterOptions options, TimeSource clock) {
    this.tasks = tasks;
    this.nodes = nodes;
    this.options = options;
    this.clock = clock;
    this.worker = new Worker("baton-cluster-executors-" + options.nodeId(), this::round, LOG);
  }

  void start(NodePort port) {
    this.port = port;
    if (options.executors() > 0) {
      worker.start();
    }
  }

  void kick() {
    worker.kick();
  }

  /** How many steps this node runs now. */
  int running() {
    return runningHere.size();
  }

  /**
   * Stops the steps withdrawn by their runs, then claims and starts steps until the node is full,
   * its share is taken, or none is queued.
   */
  void round() {
    if (!runningHere.isEmpty()) {
      for (long taskId : tasks.withdrawnHere()) {
        Running step = runningHere.get(taskId);
        if (step != null) {
          step.stop();
        }
      }
    }
    while (!closed) {
      int free = options.executors() - runningHere.size();
      if (free <= 0) {
        return;
      }
      int want = Math.min(free, fairShare());
      List<TaskQueue.Claimed> claimed = tasks.claim(clock.now(), want);
      for (TaskQueue.Claimed c : claimed) {
        runningHere.put(c.taskId(), new Running());
        Thread.ofVirtual().name("baton-step-" + c.taskId()).start(() -> run(c));
      }
      if (claimed.size() < want) {
        return;
      }
    }
  }

  private int fairShare() {
    int queued = tasks.queuedCount();
    int live = nodes.liveCount(clock.now());
    return Math.max(1, (queued + live - 1) / live);
  }

  private void run(TaskQueue.Claimed claimed) {
    Running step = runningHere.get(claimed.taskId());
    try {
      TaskOutcome outcome;
      try {
        outcome = port.execute(claimed.task(), step::stopWith);
      } finally {
        step.ended();
        Thread.interrupted(); // a stop that came as the handler ended must not break the JDBC below
      }
      complete(claimed, outcome);
    } finally {
      runningHere.remove(claimed.taskId());
      worker.kick();
    }
  }

  /**
   * A step running here: how to stop its handler, which must not happen once the handler ended (the
   * interrupt would hit the database work that follows on the same thread).
   */
  private static final class Running {
    private Runnable stop;
    private boolean stopRequested;
    private boolean ended;

    synchronized void stopWith(Runnable action) {
      stop = action;
      if (stopRequested) {
        action.run();
      }
    }

    synchronized void stop() {
      if (stopRequested || ended) {
        return;
      }
      stopRequested = true;
      if (stop != null) {
        stop.run();
      }
    }

    synchronized void ended() {
      ended = true;
    }
  }

  /**
   * Records the outcome, trying a few times while the database is away; if it stays away the claim
   * lapses and the step runs again elsewhere with the same idempotency key.
   */
  private void complete(TaskQueue.Claimed claimed, TaskOutcome outcome) {
    for (int attempt = 1; !closed; attempt++) {
      try {
        if (!tasks.complete(claimed.taskId(), outcome, clock.now())) {
          LOG.info(
              "step {} ran after its claim lapsed: its outcome is dropped (it runs again)",
              claimed.task().idempotencyKey());
        }
        return;
      } catch (ClusterStoreException e) {
        if (attempt >= COMPLETE_TRIES) {
          LOG.warn(
              "could not record the outcome of step {}: {}",
              claimed.task().idempotencyKey(),
              e.toString());
          return;
        }
        pause(200L * attempt);
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void close() {
    closed = true;
    worker.close();
  }
}
