package io.baton.engine.runtime;

import io.baton.api.run.RunView;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The futures that starters and callers await of the runs of one engine that have not ended: those
 * decided here, and those handed to another node (settled from the store). Also remembers which
 * runs were retried after they first ended, since the end their starter saw is not their last.
 */
final class RunCompletions {
  private final Map<String, CompletableFuture<RunView>> live = new ConcurrentHashMap<>();
  private final Set<String> reopened = ConcurrentHashMap.newKeySet();
  private final HandedOffRuns handedOff;

  RunCompletions(HandedOffRuns handedOff) {
    this.handedOff = handedOff;
  }

  /** A run starts here: {@code done} completes with its final view. */
  void expect(String runId, CompletableFuture<RunView> done) {
    live.put(runId, done);
  }

  /** A run that has not ended is loaded (or reopened): makes sure its end can be awaited. */
  void expect(String runId) {
    live.computeIfAbsent(runId, k -> new CompletableFuture<>());
  }

  /** A run started here is decided by another node: {@code done} is settled from the store. */
  void handedOff(String runId, CompletableFuture<RunView> done) {
    handedOff.watch(runId, done);
  }

  /**
   * Another node took the run over (this one was silent past its lease): whoever awaits it here
   * learns its end from the store, like the starter of a run handed off.
   */
  void disowned(String runId) {
    CompletableFuture<RunView> done = live.remove(runId);
    if (done != null) {
      handedOff.watch(runId, done);
    }
  }

  /** The future of the end of a run that has not ended, or null. */
  CompletableFuture<RunView> live(String runId) {
    CompletableFuture<RunView> done = live.get(runId);
    return done != null ? done : handedOff.get(runId);
  }

  /** The run ended: whoever awaits it learns its final view. */
  void ended(String runId, RunView view) {
    CompletableFuture<RunView> done = live.remove(runId);
    if (done != null) {
      done.complete(view);
    }
    handedOff.ended(runId, view);
  }

  /** The run was retried after it ended. */
  void reopened(String runId) {
    reopened.add(runId);
    expect(runId);
  }

  boolean wasReopened(String runId) {
    return reopened.contains(runId);
  }

  /** The run was deleted. */
  void forget(String runId) {
    live.remove(runId);
    reopened.remove(runId);
  }

  /** Completes the futures of handed-off runs that ended on other nodes. */
  void settleHandedOff() {
    handedOff.settle();
  }
}
