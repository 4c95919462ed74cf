package io.baton.api.store;

/**
 * Writes a run's decision — events, index changes, summary — in one transaction: one commit, one
 * flush to disk, instead of one per store. A backend offers it through {@link
 * StoreBackend#atomicCommits()} when its stores share one database; the engine then writes each
 * drain of a run's decider with one call.
 */
@FunctionalInterface
public interface RunCommitter {

  /**
   * Makes {@code commit} durable, all of it or nothing of it, before returning. Implementations may
   * group the commits of many runs into one transaction.
   *
   * @throws ConcurrentModificationException when the journal does not hold {@code expectedSeq}
   *     events, or (when there are no events) the stored summary is not the version before {@code
   *     record}'s: someone else wrote, and nothing was written
   * @throws StoreUnavailableException when the database failed: nothing was written, or — when the
   *     failure came while committing — possibly all of it, which a retry then sees as a conflict
   */
  void commit(RunCommit commit);
}
