package io.baton.engine.runtime;

import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepFailure;
import io.baton.api.spi.AwaitInput;
import io.baton.api.spi.StepExecutor;
import io.baton.api.store.DefinitionStore;
import io.baton.api.time.TimeSource;
import io.baton.engine.executor.FailureClassifier;
import io.baton.engine.executor.JsonValues;
import io.baton.engine.graph.CompiledStep;
import io.baton.engine.graph.CompiledWorkflow;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * How a {@link ClusterMembership} reaches the runs of its engine: hands them letters from other
 * nodes and step results, runs steps that any node queued, takes runs over, and lets go of runs
 * this node no longer owns.
 */
public final class NodePort {
  private final RunEngine engine;
  private final RuntimeServices rt;
  private final DefinitionStore definitions;
  private final TimerService timers;
  private final Map<String, CompiledWorkflow> workflows = new ConcurrentHashMap<>();

  NodePort(RunEngine engine, RuntimeServices rt, DefinitionStore definitions, TimerService timers) {
    this.engine = engine;
    this.rt = rt;
    this.definitions = definitions;
    this.timers = timers;
  }

  /** The port of an engine built by {@code BatonBuilder}. */
  public static NodePort of(
      RunEngine engine, RuntimeServices rt, DefinitionStore definitions, TimerService timers) {
    return new NodePort(engine, rt, definitions, timers);
  }

  /** The engine's time. */
  public TimeSource clock() {
    return rt.clock();
  }

  /**
   * Hands {@code letter} to run {@code runId} (which this node must own), loading the run when it
   * is not in memory. Completes once the run has made what the letter caused durable: with whether
   * it applied for an answer or a control operation, with true for the other kinds.
   *
   * @throws io.baton.engine.RunNotFoundException when the run does not exist
   */
  public CompletableFuture<Boolean> deliver(String runId, RunLetter letter) {
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    RunActor actor = engine.actorFor(runId);
    if (actor == null) {
      throw new io.baton.engine.RunNotFoundException(runId);
    }
    actor.post(letter.toMessage(done));
    if (!letter.answered()) {
      // A query answers only after the drain that handled the letter made its events durable
      // (replies go after the journal append), so its answer says the letter is safe.
      CompletableFuture<io.baton.api.run.RunView> barrier = new CompletableFuture<>();
      actor.post(new Message.Query(barrier));
      barrier.whenComplete(
          (view, error) -> {
            if (error == null) {
              done.complete(true);
            } else {
              done.completeExceptionally(error);
            }
          });
    }
    return done;
  }

  /**
   * Runs a queued step's handler on the calling thread, with the step's idempotency key, and
   * returns how it ended; never throws for the handler's failures.
   *
   * @param onCancel receives, before the handler starts, the action that stops it (the handler's
   *     {@code isCancelled()} turns true and its thread is interrupted): the caller runs it when
   *     the run withdraws the attempt, and must not run it once this method has returned
   */
  @SuppressWarnings("unchecked")
  public TaskOutcome execute(StepTask task, Consumer<Runnable> onCancel) {
    CompiledStep step;
    try {
      step = stepOf(task);
    } catch (RuntimeException e) {
      return TaskOutcome.failed(FailureClassifier.classify(e));
    }
    StepExecutor<StepDef> executor = (StepExecutor<StepDef>) step.executor();
    RunningTask running = new RunningTask(null, task.attempt(), null);
    AttemptContext ctx =
        new AttemptContext(
            task.runId(),
            task.workflowId(),
            task.path(),
            task.stepId(),
            task.attempt(),
            task.input(),
            task.answer(),
            rt.clock(),
            running,
            rt.listeners());
    ctx.journaling(
        AttemptJournal.forQueued(m -> engine.deliver(task.runId(), m), rt.clock(), task, running));
    running.thread = Thread.currentThread();
    onCancel.accept(running::cancel);
    try {
      if (running.cancelled) {
        return TaskOutcome.failed(cancelledBeforeStart(task));
      }
      Object output = executor.execute(step.definition(), ctx);
      return output instanceof AwaitInput ask
          ? new TaskOutcome(null, null, ask)
          : TaskOutcome.of(JsonValues.normalize(output));
    } catch (Throwable t) {
      return TaskOutcome.failed(FailureClassifier.classify(t));
    } finally {
      running.thread = null;
    }
  }

  private static StepFailure cancelledBeforeStart(StepTask task) {
    return StepFailure.of(
        ErrorKind.CANCELLED,
        "step " + task.idempotencyKey() + " was withdrawn by its run before it started");
  }

  private CompiledStep stepOf(StepTask task) {
    String key = task.workflowId() + "@" + task.workflowVersion();
    CompiledWorkflow workflow =
        workflows.computeIfAbsent(
            key,
            k -> {
              WorkflowDefinition definition =
                  definitions
                      .find(task.workflowId(), task.workflowVersion())
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "step "
                                      + task.idempotencyKey()
                                      + " needs workflow "
                                      + k
                                      + ", which is not in the definition store"));
              return engine.compile(definition);
            });
    CompiledStep step = workflow.step(task.stepId());
    if (step == null || step.executor() == null) {
      throw new IllegalStateException(
          "workflow " + key + " has no handler-run step '" + task.stepId() + "'");
    }
    return step;
  }

  /**
   * This node lost run {@code runId} (another node took it over): its decider leaves memory without
   * writing anything more.
   */
  public void disown(String runId) {
    engine.disown(runId);
  }

  /** The runs whose deciders are in this node's memory. */
  public Set<String> runsInMemory() {
    return engine.runIdsInMemory();
  }

  /**
   * Completes the futures awaited by the starters of runs this node handed to other nodes, for
   * those runs that ended meanwhile.
   */
  public void settleHandedOff() {
    engine.settleHandedOff();
  }

  /** Looks at the store's timers again (another node may have set an earlier one). */
  public void pokeTimers() {
    timers.poke();
  }
}
