package io.baton.engine.scheduler;

import io.baton.api.definition.StepDef;
import io.baton.api.time.TimeSource;
import io.baton.engine.config.EngineConfig;
import io.baton.engine.config.SchedulingStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Grants ready steps the capacity to run, in the order of the configured strategy, within the
 * limits: the global {@code max_concurrent_tasks}, per workflow, per run and per step type, and the
 * resource pools and locks steps ask for (contended ones go by the configured conflict rule), and
 * the {@link StepAdmission}, which may hold steps of some kinds back for a while. Shared by every
 * run of an engine; its lock is held only for queue bookkeeping, never while a step runs.
 */
public final class StepScheduler {
  private final ReentrantLock lock = new ReentrantLock();
  private final EngineConfig config;
  private final TimeSource clock;
  private final ReadyQueue queue;
  private final Map<String, Integer> perWorkflow = new HashMap<>();
  private final Map<String, Integer> perRun = new HashMap<>();
  private final Map<String, Integer> perType = new HashMap<>();
  private final ResourcePools pools;
  private final ResourceContention contention;
  private final StepAdmission admission;
  private int running;
  private long seq;

  /** A scheduler with {@code config}'s limits and strategy, aging by {@code clock}. */
  public StepScheduler(EngineConfig config, TimeSource clock) {
    this(config, clock, StepAdmission.ALWAYS);
  }

  /**
   * A scheduler with {@code config}'s limits and strategy, aging by {@code clock}, starting the
   * steps {@code admission} holds only while it is open.
   */
  public StepScheduler(EngineConfig config, TimeSource clock, StepAdmission admission) {
    this.config = config;
    this.admission = admission;
    this.clock = clock;
    this.queue =
        config.strategy() == SchedulingStrategy.ROUND_ROBIN
            ? new RoundRobinReadyQueue()
            : new PriorityReadyQueue(config.agingInterval());
    this.pools = new ResourcePools(config.resourcePools());
    this.contention = new ResourceContention(config.conflictResolution());
    admission.onOpen(this::admissionOpened);
  }

  /**
   * Whether the admission holds {@code step} back while it is closed (see {@link TaskKey#held}).
   */
  public boolean holds(StepDef step) {
    return admission.holds(step);
  }

  /** The admission opened again: the steps it held start as capacity allows. */
  private void admissionOpened() {
    List<QueuedTask> granted;
    lock.lock();
    try {
      granted = grant();
    } finally {
      lock.unlock();
    }
    granted.forEach(QueuedTask::dispatch);
  }

  /**
   * Takes capacity for {@code key} at once if it is free and no other step waits for it (waiting
   * steps go first). The caller must {@link #release} the key when the step ends.
   *
   * @return whether the capacity was taken
   */
  public boolean tryAcquire(TaskKey key) {
    lock.lock();
    try {
      if (queue.isEmpty() && fits(key)) {
        take(key);
        return true;
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Queues a step; it is dispatched when capacity frees, possibly at once. */
  public void enqueue(QueuedTask task) {
    List<QueuedTask> granted;
    lock.lock();
    try {
      task.seq = seq++;
      queue.add(task);
      granted = grant();
    } finally {
      lock.unlock();
    }
    granted.forEach(QueuedTask::dispatch);
  }

  /** Gives back the capacity of a step that ended, dispatching the next ones. */
  public void release(TaskKey key) {
    List<QueuedTask> granted;
    lock.lock();
    try {
      running--;
      if (runLimit(key) > 0) {
        decrement(perRun, key.runId());
      }
      if (config.maxConcurrentPerWorkflow() > 0) {
        decrement(perWorkflow, key.workflowId());
      }
      if (typeLimit(key) > 0) {
        decrement(perType, key.stepType());
      }
      pools.release(key.resources());
      granted = grant();
    } finally {
      lock.unlock();
    }
    granted.forEach(QueuedTask::dispatch);
  }

  /** Withdraws a queued step (its run was cancelled); false when it was already dispatched. */
  public boolean withdraw(QueuedTask task) {
    lock.lock();
    try {
      return queue.remove(task);
    } finally {
      lock.unlock();
    }
  }

  /** How many steps wait for capacity. */
  public int queued() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** How many steps hold capacity. */
  public int running() {
    lock.lock();
    try {
      return running;
    } finally {
      lock.unlock();
    }
  }

  private List<QueuedTask> grant() {
    List<QueuedTask> granted = List.of();
    var now = clock.now();
    while (running < config.maxConcurrentTasks() && !queue.isEmpty()) {
      contention.survey(queue, this::fitsLimits);
      QueuedTask next = queue.poll(k -> fitsLimits(k) && contention.mayTake(k), now);
      if (next == null) {
        break;
      }
      take(next.key());
      if (granted.isEmpty()) {
        granted = new ArrayList<>();
      }
      granted.add(next);
    }
    return granted;
  }

  private boolean fits(TaskKey key) {
    return running < config.maxConcurrentTasks() && fitsLimits(key);
  }

  private boolean fitsLimits(TaskKey key) {
    return (!key.held() || admission.open())
        && (key.resources().isEmpty() || pools.available(key.resources()))
        && under(perRun, key.runId(), runLimit(key))
        && under(perWorkflow, key.workflowId(), config.maxConcurrentPerWorkflow())
        && under(perType, key.stepType(), typeLimit(key));
  }

  private int runLimit(TaskKey key) {
    return key.runLimit() > 0 ? key.runLimit() : config.maxConcurrentPerRun();
  }

  private int typeLimit(TaskKey key) {
    Map<String, Integer> limits = config.maxConcurrentPerStepType();
    return limits.isEmpty() ? 0 : limits.getOrDefault(key.stepType(), 0);
  }

  private static boolean under(Map<String, Integer> counts, String key, int limit) {
    return limit <= 0 || counts.getOrDefault(key, 0) < limit;
  }

  /**
   * Counts a step against the limits that apply to it; only those, since counting costs a map
   * update each and most engines set few limits. {@link #release} uncounts the same ones, as the
   * limits of a key never change.
   */
  private void take(TaskKey key) {
    running++;
    if (runLimit(key) > 0) {
      increment(perRun, key.runId());
    }
    if (config.maxConcurrentPerWorkflow() > 0) {
      increment(perWorkflow, key.workflowId());
    }
    if (typeLimit(key) > 0) {
      increment(perType, key.stepType());
    }
    pools.take(key.resources());
  }

  private static void increment(Map<String, Integer> counts, String key) {
    counts.merge(key, 1, Integer::sum);
  }

  private static void decrement(Map<String, Integer> counts, String key) {
    counts.computeIfPresent(key, (k, v) -> v <= 1 ? null : v - 1);
  }
}
