package io.baton.engine.runtime;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Which node may run a run's decider. With several nodes on one database a run is owned by one node
 * at a time (through a lease), and only that node decides for it and appends to its journal.
 *
 * <p>The engine asks only when a run is not in its memory: as it starts a run, and before it loads
 * one (for a message, a due timer, a recovery). A single engine owns every run ({@link #SOLE}),
 * which keeps the single-node path free of any lookup.
 *
 * <pre>{@code
 * if (ownership.acquire(runId, letter, reply)) {
 *   // this node owns the run now: load it and hand it the message
 * } // else the letter went durably to the node that owns the run, and reply completes from there
 * }</pre>
 */
public interface RunOwnership {

  /** The ownership of a lone engine: it owns every run. */
  RunOwnership SOLE =
      new RunOwnership() {
        @Override
        public boolean acquire(String runId, RunLetter letter, CompletableFuture<Boolean> reply) {
          return true;
        }

        @Override
        public void release(String runId) {}

        @Override
        public List<String> adoptable(List<String> unfinished) {
          return unfinished;
        }
      };

  /**
   * Makes this node the owner of {@code runId} unless another live node owns it.
   *
   * @param letter what the caller wants to tell the run, or null; when another node owns the run it
   *     is handed to that node durably
   * @param reply completed with the owner's answer to {@code letter} (whether it applied), or null
   *     when nobody waits for one
   * @return true when this node owns the run (it did, or took it now); false when another live node
   *     does (the letter, if any, is on its way there)
   */
  boolean acquire(String runId, RunLetter letter, CompletableFuture<Boolean> reply);

  /**
   * The run left this node's memory (it is suspended or ended): another node may take it when it is
   * woken. A node may keep the ownership when messages for the run are pending.
   */
  void release(String runId);

  /** Of the unfinished runs of the store, those this node should reload as it starts. */
  List<String> adoptable(List<String> unfinished);

  /**
   * Offers a new run, which this node owns and has not started deciding for yet, to a less busy
   * node. When another node should decide for it, runs {@code persistStart} (which makes the run's
   * start durable in its journal), hands the run to that node (which rebuilds it from its journal)
   * and returns true; returns false to keep the run here. A lone engine keeps every run.
   */
  default boolean offer(String runId, Runnable persistStart) {
    return false;
  }
}
