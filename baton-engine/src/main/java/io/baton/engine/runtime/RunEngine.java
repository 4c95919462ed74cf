package io.baton.engine.runtime;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.PublishedEvent;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunEvent.RunStarted;
import io.baton.api.run.RunView;
import io.baton.api.store.DefinitionStore;
import io.baton.api.store.RunRecord;
import io.baton.api.time.IdGenerator;
import io.baton.engine.graph.CompiledWorkflow;
import io.baton.engine.graph.WorkflowCompiler;
import io.baton.engine.planner.RunState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of one engine: creates their deciders, routes messages to them, loads them back from the
 * journal after an eviction or a restart, and links parents to children.
 */
public final class RunEngine implements RunHost {
  private static final Logger LOG = LoggerFactory.getLogger(RunEngine.class);
  private final RuntimeServices rt;
  private final DefinitionStore definitions;
  private final RunLoader loader;
  private final ChildRuns children;
  private final RunSignals signals;
  private final RunOwnership ownership;
  private final RunDeciders deciders;
  private final RunStarts starts;
  private final RunCompletions completions;

  public RunEngine(
      RuntimeServices rt,
      DefinitionStore definitions,
      WorkflowCompiler compiler,
      IdGenerator ids,
      boolean evictSuspended) {
    this(rt, definitions, compiler, ids, evictSuspended, RunOwnership.SOLE);
  }

  /** An engine that is one node of several: {@code ownership} says which runs it may decide for. */
  public RunEngine(
      RuntimeServices rt,
      DefinitionStore definitions,
      WorkflowCompiler compiler,
      IdGenerator ids,
      boolean evictSuspended,
      RunOwnership ownership) {
    this.rt = rt;
    this.definitions = definitions;
    this.loader = new RunLoader(rt, definitions, compiler);
    this.children = new ChildRuns(this, rt, definitions);
    this.signals = new RunSignals(this, rt);
    this.ownership = ownership;
    this.starts = new RunStarts(rt, definitions, loader, ids, ownership);
    this.completions = new RunCompletions(new HandedOffRuns(rt, loader));
    this.deciders = new RunDeciders(rt, this, loader, completions, ownership, evictSuspended);
  }

  /** The compiled form of a definition, compiled once per id and version. */
  public CompiledWorkflow compile(WorkflowDefinition definition) {
    return loader.compile(definition);
  }

  /**
   * Starts a run and returns its id with the future of its end, taken before the run can end, so
   * that awaiting a short run never has to reload it.
   */
  public StartedRun startRun(
      WorkflowDefinition definition, Map<String, Object> inputs, StartRequest request) {
    CompletableFuture<RunView> done = new CompletableFuture<>();
    String runId = start(definition, inputs, request, done);
    return new StartedRun(runId, done);
  }

  /** A started run: its id and the future of its final view. */
  public record StartedRun(String runId, CompletableFuture<RunView> completion) {}

  /**
   * Starts a run of {@code definition} (stored first, so the run can be reloaded).
   *
   * @return the run's id
   */
  public String start(
      WorkflowDefinition definition, Map<String, Object> inputs, StartRequest request) {
    return start(definition, inputs, request, new CompletableFuture<>());
  }

  String start(
      WorkflowDefinition definition,
      Map<String, Object> inputs,
      StartRequest request,
      CompletableFuture<RunView> done) {
    RunStarts.Prepared run = starts.prepare(definition, inputs, request);
    String runId = run.runId();
    if (ownership.offer(runId, () -> rt.journal().append(runId, 0, run.firstEvents()))) {
      completions.handedOff(runId, done); // another node decides for it, from its journal
      return runId;
    }
    completions.expect(runId, done);
    RunActor actor = new RunActor(rt, this, new RunState(runId, run.workflow()), run.record());
    deciders.add(runId, actor);
    actor.post(new Message.Start(run.firstEvents()));
    return runId;
  }

  /** Delivers a message to run {@code runId}, loading it if it is not in memory. */
  void deliver(String runId, Message message) {
    RunActor actor = deciders.forMessage(runId, message);
    if (actor == null) {
      LOG.debug("run {} is owned by another node: {} forwarded", runId, message);
      return;
    }
    actor.post(message);
  }

  /** The run's decider, loaded from its journal if it is not in memory; null if no such run. */
  RunActor actorFor(String runId) {
    return deciders.load(runId);
  }

  /** A control operation; completes with whether it applied. */
  public CompletableFuture<Boolean> control(String runId, ControlOp op, String by) {
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    deliver(runId, new Message.Control(op, by, done));
    return done;
  }

  /** The current view of a run. */
  public CompletableFuture<RunView> view(String runId) {
    if (ownership != RunOwnership.SOLE && !deciders.holds(runId)) {
      // the run may be another node's: read what its journal holds rather than take it over
      RunRecord r =
          rt.runs().find(runId).orElseThrow(() -> new io.baton.engine.RunNotFoundException(runId));
      return CompletableFuture.completedFuture(RunViews.of(loader.rebuild(r)));
    }
    CompletableFuture<RunView> view = new CompletableFuture<>();
    deliver(runId, new Message.Query(view));
    return view;
  }

  /** The future of the end of a run that has not ended, or null. */
  public CompletableFuture<RunView> liveCompletion(String runId) {
    return completions.live(runId);
  }

  /** Completes with the run's final view when it ends. */
  public CompletableFuture<RunView> completion(String runId) {
    CompletableFuture<RunView> done = liveCompletion(runId);
    if (done != null) {
      return done;
    }
    if (rt.runs().find(runId).isEmpty()) {
      throw new io.baton.engine.RunNotFoundException(runId);
    }
    return view(runId);
  }

  /** Answers to waits and events from outside the runs. */
  public RunSignals signals() {
    return signals;
  }

  /**
   * Starts a new run of {@code runId}'s workflow that shares its history up to step {@code
   * fromStep}, which runs again (with {@code editedInput} if not null), followed by everything
   * downstream of it.
   */
  public String fork(String runId, String fromStep, Object editedInput) {
    RunRecord source =
        rt.runs().find(runId).orElseThrow(() -> new io.baton.engine.RunNotFoundException(runId));
    WorkflowDefinition definition = loader.definitionOf(source);
    List<JournalEntry> journal = rt.journal().read(runId, 0);
    Map<String, Object> inputs =
        journal.isEmpty() || !(journal.getFirst().event() instanceof RunStarted s)
            ? Map.of()
            : s.inputs();
    List<RunEvent> history = Forks.history(compile(definition), journal, fromStep, editedInput);
    return start(definition, inputs, StartRequest.copy(runId, source.priority(), history));
  }

  /**
   * Hands a due timer to its run (loading the run if it was evicted).
   *
   * @param taken takes the timer out of the store: run once the timer cannot be lost any more (with
   *     several nodes, once this node owns the run or the timer went to its owner)
   */
  public void fireTimer(io.baton.api.store.TimerRecord timer, Runnable taken) {
    Message message = Effects.messageFor(timer);
    if (ownership != RunOwnership.SOLE
        && !deciders.holds(timer.runId())
        && !ownership.acquire(timer.runId(), RunLetter.of(message), null)) {
      taken.run(); // its owner has it now
      return;
    }
    taken.run();
    try {
      deliver(timer.runId(), message);
    } catch (io.baton.engine.RunNotFoundException e) {
      LOG.debug("timer {} of a run that no longer exists", timer.timerId());
    }
  }

  /**
   * Reloads one run after a restart (re-indexing its waits and timers) if it is not in memory.
   *
   * @throws io.baton.engine.RunNotFoundException when there is no such run
   */
  public void recover(String runId) {
    RunActor actor = deciders.recover(runId);
    if (actor == null) {
      throw new io.baton.engine.RunNotFoundException(runId);
    }
    actor.post(new Message.Wake(null));
  }

  /** Reloads every unfinished run (after a restart). */
  public int recover() {
    List<String> unfinished = ownership.adoptable(rt.runs().unfinished());
    for (String runId : unfinished) {
      RunActor actor = deciders.recover(runId);
      if (actor != null) {
        actor.post(new Message.Wake(null));
      }
    }
    return unfinished.size();
  }

  /** Adds or replaces a definition in the store. */
  public void register(WorkflowDefinition definition) {
    compile(definition);
    definitions.save(definition);
  }

  @Override
  public void startChild(RunState parent, String path, Map<String, Object> details) {
    children.start(parent, path, details);
  }

  @Override
  public void cancelChild(String childRunId, String reason) {
    if (rt.runs().find(childRunId).isPresent()) {
      control(childRunId, ControlOp.CANCEL, "parent run");
    }
  }

  @Override
  public void publish(PublishedEvent event) {
    signals.published(event);
  }

  @Override
  public void runEnded(RunState run) {
    completions.ended(run.runId(), RunViews.of(run));
    if (run.parentRunId() != null) {
      children.ended(run);
    }
  }

  @Override
  public void runReopened(String runId) {
    completions.reopened(runId);
  }

  /**
   * Whether the run was retried after it first ended (so the end its starter saw is not its last).
   */
  public boolean wasReopened(String runId) {
    return completions.wasReopened(runId);
  }

  @Override
  public void runIdle(RunActor actor) {
    deciders.idle(actor);
  }

  @Override
  public void redeliver(String runId, Message message) {
    deliver(runId, message);
  }

  @Override
  public void persistenceFailed(RunActor actor, RuntimeException cause) {
    LOG.error(
        "the journal refused events of run {}; reloading the run from its journal",
        actor.runId(),
        cause);
    deciders.drop(actor);
    if (ownership != RunOwnership.SOLE) {
      // Another node wrote (it took the run over while this one was too slow to renew its lease):
      // look again, here if this node still owns the run, else at its owner. Alone, a run is
      // reloaded by its next message, as nothing else writes to it.
      try {
        deliver(actor.runId(), new Message.Wake(null));
      } catch (RuntimeException e) {
        LOG.warn("run {} could not be looked at again: {}", actor.runId(), e.toString());
      }
    }
  }

  /** Drops what the engine remembers of a run that was deleted. */
  void forget(String runId) {
    completions.forget(runId);
    deciders.remove(runId);
  }

  /**
   * Another node took run {@code runId} over: its decider leaves memory and writes nothing more.
   */
  void disown(String runId) {
    deciders.remove(runId);
    completions.disowned(runId);
  }

  /** Completes what starters await of the runs this node handed off and that ended elsewhere. */
  void settleHandedOff() {
    completions.settleHandedOff();
  }

  /** The runs whose deciders are in memory. */
  java.util.Set<String> runIdsInMemory() {
    return deciders.ids();
  }

  /** How many runs have a decider in memory. */
  public int inMemory() {
    return deciders.count();
  }
}
