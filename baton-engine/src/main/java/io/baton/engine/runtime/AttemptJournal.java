package io.baton.engine.runtime;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunEvent;
import io.baton.api.run.StepException;
import io.baton.api.time.TimeSource;
import io.baton.engine.executor.JsonValues;
import io.baton.engine.planner.StepState;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The progress one execution of an attempt records ({@link io.baton.api.spi.StepContext#record}):
 * what earlier executions of the same attempt recorded (from the run's state, rebuilt from the
 * journal after a crash), and the way to journal more through the run's decider, write-ahead —
 * wherever the decider is: on another node, the record travels to it and the handler waits for it
 * to be durable there.
 */
final class AttemptJournal {
  /** The decider, for a step it runs inline; null for a handler running on a thread. */
  private final RunActor actor;

  /** How a record reaches the run's decider. */
  private final Consumer<Message> toDecider;

  private final TimeSource clock;
  private final String path;
  private final int attempt;
  private final RunningTask task;

  /**
   * What this attempt recorded, earlier executions included: copied into a concurrent map (a
   * handler may record from several threads) only when the handler records something, since most
   * attempts record nothing.
   */
  private volatile Map<String, Object> recorded;

  /**
   * @param step the step, at the attempt being executed, with what that attempt recorded so far
   * @param task the running handler, or null for a step run inline by the decider itself
   */
  AttemptJournal(RunActor actor, TimeSource clock, StepState step, RunningTask task) {
    this(actor, actor::post, clock, step.path(), step.attempt(), step.progress(), task);
  }

  private AttemptJournal(
      RunActor actor,
      Consumer<Message> toDecider,
      TimeSource clock,
      String path,
      int attempt,
      Map<String, Object> recorded,
      RunningTask task) {
    this.actor = actor;
    this.toDecider = toDecider;
    this.clock = clock;
    this.path = path;
    this.attempt = attempt;
    this.task = task;
    this.recorded = recorded.isEmpty() ? Map.of() : new ConcurrentHashMap<>(recorded);
  }

  /**
   * The journal of a queued step run on any node: records go to its run's decider through {@code
   * toDecider} (which finds the node owning the run).
   */
  static AttemptJournal forQueued(
      Consumer<Message> toDecider, TimeSource clock, StepTask step, RunningTask task) {
    return new AttemptJournal(
        null, toDecider, clock, step.path(), step.attempt(), step.progress(), task);
  }

  Object recorded(String key) {
    return recorded.get(key);
  }

  void record(String key, Object value) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("a recorded value needs a key; got '" + key + "'");
    }
    Object json = JsonValues.normalize(value);
    if (task == null) {
      // Run by the decider itself: the event joins the batch that also ends the step, and so is
      // durable before anything acts on it.
      actor.record(new RunEvent.StepProgress(clock.now(), path, attempt, key, json));
    } else {
      if (task.cancelled) {
        throw notRunning(path, attempt);
      }
      CompletableFuture<Void> durable = new CompletableFuture<>();
      toDecider.accept(new Message.Progress(path, attempt, key, json, durable));
      await(durable);
    }
    if (!(recorded instanceof ConcurrentHashMap)) {
      synchronized (this) {
        if (!(recorded instanceof ConcurrentHashMap)) {
          recorded = new ConcurrentHashMap<>(recorded);
        }
      }
    }
    recorded.put(key, json);
  }

  private void await(CompletableFuture<Void> durable) {
    try {
      durable.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepException(
          ErrorKind.CANCELLED,
          "step " + path + " was interrupted while its progress was being journaled");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof StepException s
          ? s
          : new StepException(
              ErrorKind.UNAVAILABLE,
              "the progress of step " + path + " could not be journaled: " + e.getCause());
    }
  }

  /** The failure of a record whose attempt is no longer running. */
  static StepException notRunning(String path, int attempt) {
    return new StepException(
        ErrorKind.CANCELLED,
        "attempt "
            + attempt
            + " of step "
            + path
            + " is no longer running (cancelled, timed out, or the engine closed); its progress"
            + " was not journaled");
  }
}
