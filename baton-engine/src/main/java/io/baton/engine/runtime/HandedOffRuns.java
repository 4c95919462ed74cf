package io.baton.engine.runtime;

import io.baton.api.run.RunView;
import io.baton.api.store.RunRecord;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs this node started and handed to another node to decide (the cluster placed them there): the
 * futures their starters await, completed from the store once the runs have ended. The other node
 * cannot reach these futures, so they are settled by looking at the store at each heartbeat.
 */
final class HandedOffRuns {
  private final RuntimeServices rt;
  private final RunLoader loader;
  private final Map<String, CompletableFuture<RunView>> waiting = new ConcurrentHashMap<>();

  HandedOffRuns(RuntimeServices rt, RunLoader loader) {
    this.rt = rt;
    this.loader = loader;
  }

  void watch(String runId, CompletableFuture<RunView> done) {
    waiting.put(runId, done);
  }

  /** The starter's future of a run handed off and not yet seen ending, or null. */
  CompletableFuture<RunView> get(String runId) {
    return waiting.get(runId);
  }

  /** The run ended on this node after all (it came back here): its starter learns at once. */
  void ended(String runId, RunView view) {
    CompletableFuture<RunView> done = waiting.remove(runId);
    if (done != null) {
      done.complete(view);
    }
  }

  /** Completes the futures of the runs that ended (or were deleted) on other nodes. */
  void settle() {
    for (var entry : waiting.entrySet()) {
      String runId = entry.getKey();
      Optional<RunRecord> record = rt.runs().find(runId);
      if (record.isEmpty()) {
        waiting.remove(runId, entry.getValue());
        entry.getValue().completeExceptionally(new io.baton.engine.RunNotFoundException(runId));
      } else if (record.get().status().isTerminal()) {
        waiting.remove(runId, entry.getValue());
        entry.getValue().complete(RunViews.of(loader.rebuild(record.get())));
      }
    }
  }
}
