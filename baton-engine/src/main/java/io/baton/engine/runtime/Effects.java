package io.baton.engine.runtime;

import io.baton.api.definition.Priority;
import io.baton.api.definition.StepDef;
import io.baton.api.run.PublishedEvent;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.StepFailed;
import io.baton.api.run.RunEvent.StepWaiting;
import io.baton.api.run.StepFailure;
import io.baton.api.run.StepStatus;
import io.baton.api.run.WaitKind;
import io.baton.api.spi.StepExecutor;
import io.baton.api.store.IndexChange;
import io.baton.api.store.TimerRecord;
import io.baton.api.store.WaitRecord;
import io.baton.engine.executor.FailureClassifier;
import io.baton.engine.executor.JsonValues;
import io.baton.engine.graph.StepKind;
import io.baton.engine.planner.RunState;
import io.baton.engine.planner.StepState;
import io.baton.engine.scheduler.QueuedTask;
import io.baton.engine.scheduler.TaskKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The side effects of one run's events: handler threads, timers, wait registrations, child runs,
 * published events. Owned by the run's decider; anything that leaves the process is queued in
 * {@code effects} and runs only after the events that caused it are durable.
 */
final class Effects {
  private static final String RUN_TIMEOUT = "run-timeout";
  private final RuntimeServices rt;
  private final RunHost host;
  private final RunActor actor;
  private final RunState state;
  private final List<Runnable> effects;
  private final List<IndexChange> index;
  private final Map<String, RunningTask> tasks = new HashMap<>();
  private final Map<String, String> openWaits = new HashMap<>();

  /** The ids (within the run) of the timers this run has in the timer store. */
  private final Set<String> timers = new HashSet<>();

  /**
   * @param effects what leaves the process, run after the batch is durable and listeners were told
   * @param index updates of the wait and timer indexes, run right after the batch is durable,
   *     before anyone can learn of the waits they index
   */
  Effects(
      RuntimeServices rt,
      RunHost host,
      RunActor actor,
      RunState state,
      List<Runnable> effects,
      List<IndexChange> index) {
    this.rt = rt;
    this.index = index;
    this.host = host;
    this.actor = actor;
    this.state = state;
    this.effects = effects;
  }

  /**
   * While false, waits and timers are remembered but not written to their indexes: a run reloaded
   * after an eviction finds them there already (it left memory only once they were written).
   */
  private boolean writeIndex = true;

  void reindexing(boolean write) {
    writeIndex = write;
  }

  /** Whether nothing of the run is in flight, so that it may leave memory. */
  boolean idle() {
    return tasks.isEmpty();
  }

  void dispatchTask(StepState s, Instant now) {
    TaskKey key = keyOf(s.path(), s, now);
    RunningTask task =
        new RunningTask(key, s.attempt(), s.answer() == null ? null : s.answer().waitId());
    tasks.put(s.path(), task);
    if (rt.scheduler().tryAcquire(key)) {
      task.acquired = true;
      actor.recordStarted(s.path(), s.attempt());
      effects.add(() -> launch(s, task));
    } else {
      String path = s.path();
      int attempt = s.attempt();
      task.queued =
          new QueuedTask(
              key, k -> actor.post(new Message.TaskDispatched(path, attempt, rt.clock().now())));
      effects.add(() -> rt.scheduler().enqueue(task.queued));
    }
  }

  void dispatched(Message.TaskDispatched d) {
    RunningTask task = tasks.get(d.path());
    if (task == null || task.attempt != d.attempt() || task.cancelled) {
      rt.scheduler().release(task == null ? keyOf(d.path(), state.step(d.path()), null) : task.key);
      return;
    }
    task.acquired = true;
    actor.recordStarted(d.path(), d.attempt());
    StepState s = state.step(d.path());
    effects.add(() -> launch(s, task));
  }

  /**
   * What the scheduler knows of a step: the same limits and resources whenever it is built for the
   * same step, since the scheduler gives back exactly what the key took.
   */
  private TaskKey keyOf(String path, StepState s, Instant readyAt) {
    var definition = state.workflow().definition();
    Priority priority =
        s != null && s.step().priority() != null ? s.step().priority() : state.priority();
    return new TaskKey(
        state.runId(),
        path,
        definition.id(),
        s == null ? "" : s.step().definition().type(),
        priority,
        definition.policies().maxConcurrency(),
        readyAt,
        s == null ? List.of() : s.step().definition().common().resources(),
        s != null && rt.scheduler().holds(s.step().definition()));
  }

  @SuppressWarnings("unchecked")
  private void launch(StepState s, RunningTask task) {
    if (task.cancelled) {
      release(task);
      return;
    }
    StepExecutor<StepDef> executor = (StepExecutor<StepDef>) s.step().executor();
    StepDef def = s.step().definition();
    AttemptContext ctx = contextFor(s, task);
    Duration timeout = s.step().timeout();
    if (timeout != null) {
      Instant due = rt.clock().now().plus(timeout);
      task.timeout =
          rt.clock()
              .schedule(due, () -> actor.post(new Message.AttemptTimeout(s.path(), task.attempt)));
    }
    if (rt.dispatcher() != null) {
      // another node may run it: its result comes back as a TaskEnded message
      task.remote = true;
      rt.dispatcher().dispatch(stepTask(s));
      return;
    }
    String path = s.path();
    Thread.startVirtualThread(
        () -> {
          task.thread = Thread.currentThread();
          Object output = null;
          StepFailure failure = null;
          try {
            if (!task.cancelled) {
              Object raw = executor.execute(def, ctx);
              output =
                  raw instanceof io.baton.api.spi.AwaitInput
                      ? raw
                      : rt.values()
                          .hold(
                              state.runId(),
                              state.runId() + "/output/" + path + "/" + task.attempt,
                              JsonValues.normalize(raw));
            }
          } catch (Throwable t) {
            failure = FailureClassifier.classify(t);
          } finally {
            task.thread = null;
            release(task);
          }
          actor.postFromEndingThread(
              new Message.TaskEnded(path, task.attempt, task.answered, output, failure));
        });
  }

  private StepTask stepTask(StepState s) {
    Priority priority = s.step().priority() != null ? s.step().priority() : state.priority();
    var definition = state.workflow().definition();
    return new StepTask(
        state.runId(),
        definition.id(),
        definition.version(),
        s.path(),
        s.step().id(),
        s.attempt(),
        s.input(),
        priority.ordinal(),
        s.progress(),
        s.answer());
  }

  private AttemptContext contextFor(StepState s, RunningTask task) {
    return new AttemptContext(
            state.runId(),
            state.workflow().definition().id(),
            s.path(),
            s.step().id(),
            s.attempt(),
            s.input(),
            s.answer(),
            rt.clock(),
            task,
            rt.listeners())
        .journaling(new AttemptJournal(actor, rt.clock(), s, task));
  }

  @SuppressWarnings("unchecked")
  void runInline(StepState s, Instant now) {
    StepExecutor<StepDef> executor = (StepExecutor<StepDef>) s.step().executor();
    actor.recordStarted(s.path(), s.attempt());
    try {
      Object output =
          JsonValues.normalize(executor.execute(s.step().definition(), contextFor(s, null)));
      actor.record(new io.baton.api.run.RunEvent.StepCompleted(now, s.path(), s.attempt(), output));
    } catch (Exception e) {
      actor.recordAll(
          rt.planner().fail(state, s.path(), s.attempt(), FailureClassifier.classify(e), now));
    }
  }

  /**
   * A handler's result arrived; false when it belongs to no execution in flight (a stale result:
   * another attempt's, or the same attempt's before a person answered what it asked).
   */
  boolean taskEnded(String path, int attempt, String answered) {
    RunningTask task = tasks.get(path);
    if (task == null || task.attempt != attempt || !Objects.equals(task.answered, answered)) {
      return false;
    }
    tasks.remove(path);
    if (task.timeout != null) {
      task.timeout.cancel();
    }
    if (task.remote) {
      release(task); // no local thread gave the capacity back
    }
    return true;
  }

  void cancelTask(String path) {
    RunningTask task = tasks.remove(path);
    if (task == null) {
      return;
    }
    task.cancel();
    if (task.remote) {
      rt.dispatcher().withdraw(state.runId(), path, task.attempt);
    }
    if (task.acquired) {
      release(task);
    } else if (task.queued != null) {
      rt.scheduler().withdraw(task.queued);
    }
  }

  private void release(RunningTask task) {
    if (task.acquired && task.released.compareAndSet(false, true)) {
      rt.scheduler().release(task.key);
    }
  }

  void failed(StepFailed f) {
    clearWait(f.path());
    if (f.retryAt() != null) {
      timer("retry:" + f.path(), f.path(), f.retryAt());
    }
  }

  void registerWait(StepWaiting w) {
    String runId = state.runId();
    if (w.kind() != WaitKind.TIMER) {
      openWaits.put(w.path(), w.waitId());
      Map<String, Object> d = w.details();
      String event = w.kind() == WaitKind.EVENT ? (String) d.get("event") : null;
      String key = w.kind() == WaitKind.EVENT ? (String) d.get("correlationKey") : null;
      WaitRecord record = new WaitRecord(w.waitId(), runId, w.path(), w.kind(), event, key);
      if (writeIndex) {
        index.add(new IndexChange.WaitAdded(record));
      }
    }
    if (w.deadline() != null) {
      timer(w.waitId(), w.path(), w.deadline());
    }
    if (w.kind() == WaitKind.CHILD_RUN) {
      effects.add(() -> host.startChild(state, w.path(), w.details()));
    }
  }

  void clearWait(String path) {
    String waitId = openWaits.remove(path);
    if (waitId != null) {
      index.add(new IndexChange.WaitRemoved(waitId));
      cancelTimer(waitId);
      StepState s = state.step(path);
      if (s != null
          && s.step().kind() == StepKind.SUBWORKFLOW
          && s.status() != StepStatus.COMPLETED) {
        effects.add(() -> host.cancelChild(waitId, "its parent step " + path + " ended"));
      }
    }
    if (!timers.isEmpty()) {
      cancelTimer("retry:" + path);
    }
  }

  /** Hands what an {@code event} step published (its output) to the engine, once durable. */
  void publish(RunEvent.StepCompleted completed, Object eventInput) {
    @SuppressWarnings("unchecked")
    Map<String, Object> in = (Map<String, Object>) eventInput;
    String runId = state.runId();
    PublishedEvent event =
        new PublishedEvent(
            runId + "/" + completed.path() + "/" + completed.attempt(),
            runId,
            completed.path(),
            (String) in.get("event"),
            (String) in.get("correlationKey"),
            in.get("data"),
            completed.at());
    effects.add(() -> host.publish(event));
  }

  /**
   * Arms the run's deadline, counted from when it started: at its start, and again when it is
   * recovered.
   */
  void runStarted(Instant startedAt) {
    Duration timeout = state.workflow().definition().policies().timeout();
    if (timeout != null) {
      timer(RUN_TIMEOUT, null, startedAt.plus(timeout));
    }
  }

  void runEnded() {
    if (!timers.isEmpty()) {
      List.copyOf(timers).forEach(this::cancelTimer);
    }
    for (String waitId : openWaits.values()) {
      index.add(new IndexChange.WaitRemoved(waitId));
    }
    openWaits.clear();
    effects.add(() -> host.runEnded(state));
  }

  /**
   * A durable timer, written to the timer store once the events that call for it are durable; the
   * node's {@link TimerService} hands it back to the run when due (see {@link #messageFor}).
   */
  private void timer(String id, String path, Instant at) {
    timers.add(id);
    if (writeIndex) {
      TimerRecord record = new TimerRecord(state.runId() + "/" + id, state.runId(), path, at);
      index.add(new IndexChange.TimerScheduled(record));
    }
  }

  private void cancelTimer(String id) {
    if (timers.remove(id)) {
      String timerId = state.runId() + "/" + id;
      index.add(new IndexChange.TimerCancelled(timerId));
    }
  }

  /** What a due timer tells its run: its deadline passed, or a step's retry or wait is due. */
  static Message messageFor(TimerRecord timer) {
    return timer.timerId().endsWith("/" + RUN_TIMEOUT)
        ? new Message.RunTimeout()
        : new Message.Wake(timer.path());
  }
}
