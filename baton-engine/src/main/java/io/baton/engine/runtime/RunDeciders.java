package io.baton.engine.runtime;

import io.baton.api.store.RunRecord;
import io.baton.api.store.StoredRun;
import io.baton.engine.RunNotFoundException;
import io.baton.engine.planner.RunState;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deciders one engine holds in memory, one per run it decides for: a run is loaded from its
 * journal when a message comes for it (its lease taken first when several nodes share the store),
 * let go when it suspends, and dropped when another node takes it over or it is deleted.
 */
final class RunDeciders {
  private final Map<String, RunActor> actors = new ConcurrentHashMap<>();
  private final LeaseGate leaseGate = new LeaseGate();
  private final RuntimeServices rt;
  private final RunHost host;
  private final RunLoader loader;
  private final RunCompletions completions;
  private final RunOwnership ownership;
  private final boolean evictSuspended;

  RunDeciders(
      RuntimeServices rt,
      RunHost host,
      RunLoader loader,
      RunCompletions completions,
      RunOwnership ownership,
      boolean evictSuspended) {
    this.rt = rt;
    this.host = host;
    this.loader = loader;
    this.completions = completions;
    this.ownership = ownership;
    this.evictSuspended = evictSuspended;
  }

  /** A run started here. */
  void add(String runId, RunActor actor) {
    actors.put(runId, actor);
  }

  /** Whether the run's decider is in memory here. */
  boolean holds(String runId) {
    return actors.containsKey(runId);
  }

  /**
   * The decider that should take {@code message}, loaded if need be; null when another node owns
   * the run (the message went to that node).
   *
   * @throws RunNotFoundException when there is no such run
   */
  RunActor forMessage(String runId, Message message) {
    RunActor actor = actors.get(runId);
    if (actor == null && ownership != RunOwnership.SOLE) {
      return leaseGate.locked(runId, () -> acquireAndLoad(runId, message));
    }
    actor = actor != null ? actor : load(runId);
    if (actor == null) {
      throw new RunNotFoundException(runId);
    }
    return actor;
  }

  private RunActor acquireAndLoad(String runId, Message message) {
    RunActor actor = actors.get(runId);
    if (actor != null) {
      return actor;
    }
    if (!ownership.acquire(runId, RunLetter.of(message), RunLetter.replyOf(message))) {
      return null;
    }
    actor = load(runId);
    if (actor == null) {
      throw new RunNotFoundException(runId);
    }
    return actor;
  }

  /** The run's decider, loaded from its journal if it is not in memory; null if no such run. */
  RunActor load(String runId) {
    RunActor actor = actors.get(runId);
    if (actor != null) {
      return actor;
    }
    // With several nodes a run may come from one that died between a journal append and the index
    // updates after it, so it is re-indexed on every load; alone, only a restart needs that.
    boolean reindex = ownership != RunOwnership.SOLE;
    return actors.computeIfAbsent(runId, id -> rebuild(id, reindex));
  }

  /**
   * The run's decider after a restart (its waits and timers indexed again); null if no such run.
   */
  RunActor recover(String runId) {
    return actors.computeIfAbsent(runId, id -> rebuild(id, true));
  }

  /**
   * Rebuilds a run's decider from its journal, and re-establishes what was in flight.
   *
   * @param reindex whether to write its waits and timers to their indexes again: after a restart,
   *     since the process may have died between a journal append and the index updates that follow
   *     it; not after an eviction, which happens only once they were written
   */
  private RunActor rebuild(String runId, boolean reindex) {
    // the summary and the journal in one round trip where the store can: a resume waits for it
    Optional<StoredRun> stored = rt.journal().loadRun(runId);
    if (stored.isEmpty()) {
      return null;
    }
    RunRecord r = stored.get().record();
    RunState state = loader.rebuild(stored.get());
    if (!state.status().isTerminal()) {
      completions.expect(runId);
    }
    RunActor actor = new RunActor(rt, host, state, r);
    actor.enqueue(new Message.Recover(reindex));
    return actor;
  }

  /**
   * The run is suspended with nothing in flight: it leaves memory and, with several nodes, lets its
   * lease go — under the run's lock, so that a message loading it again at that moment either finds
   * it still here or takes the lease after it was let go.
   */
  void idle(RunActor actor) {
    if (!evictSuspended) {
      return;
    }
    leaseGate.locked(
        actor.runId(),
        () -> {
          if (actors.remove(actor.runId(), actor)) {
            actor.markEvicted();
            ownership.release(actor.runId());
          }
          return null;
        });
  }

  /**
   * This decider writes nothing more (its journal refused it): the next message reloads the run.
   */
  void drop(RunActor actor) {
    actors.remove(actor.runId(), actor);
    actor.markEvicted();
  }

  /** The run's decider, whichever it is, leaves memory and writes nothing more. */
  void remove(String runId) {
    RunActor actor = actors.remove(runId);
    if (actor != null) {
      actor.markEvicted();
    }
  }

  /** The runs whose deciders are in memory. */
  Set<String> ids() {
    return Set.copyOf(actors.keySet());
  }

  /** How many runs have a decider in memory. */
  int count() {
    return actors.size();
  }
}
